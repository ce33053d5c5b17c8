package org.tiptrace.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.subjects.AgencySubjects;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.link.PersonRef;
import org.tiptrace.link.StoredSubject;
import org.tiptrace.link.SubjectId;
import org.tiptrace.link.SubjectView;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.triage.HashVerdictSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tiptrace subjects list|show}: the people behind the agency's tips, as the linker groups
 * them from the agency's stored tips. Only the agency-scoped view is shown.
 */
@Command(
    name = "subjects",
    mixinStandardHelpOptions = true,
    description = "Subjects linked across the agency's tips.",
    subcommands = {SubjectsCommand.ListSubjects.class, SubjectsCommand.Show.class})
final class SubjectsCommand implements Callable<Integer> {
  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /**
   * Runs {@code work} on the stored link state, after linking any of the agency's tips that have
   * not been linked yet (stored before linking was persisted).
   */
  private static <T> T stored(
      CliEnvironment env,
      CommandSpec spec,
      AgencyId agency,
      java.util.function.BiFunction<TiptraceBackend, AgencySubjects, T> work) {
    RootCommand root = RootCommand.of(spec);
    try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
      LinkTriageService.of(
              backend,
              HashVerdictSource.notChecked(),
              CliRules.of(backend, env)::triage,
              env.clock())
          .catchUp(agency);
      return work.apply(backend, new AgencySubjects(backend.linkStore()));
    }
  }

  /** One subject of the list: id, the agency's own tips, its own members. */
  private record Row(String id, List<TipId> tips, int members) {}

  private static List<Row> rows(TiptraceBackend backend, AgencyId agency, List<SubjectId> ids) {
    List<Row> out = new ArrayList<>();
    for (SubjectId id : ids) {
      Optional<StoredSubject> s = backend.linkStore().subject(id);
      if (s.isEmpty() || !s.get().visibleTo(agency)) {
        continue;
      }
      SubjectView v =
          SubjectView.of(agency, s.get().subject(), s.get().tipAgencies()::get, List.of());
      out.add(new Row(id.toString(), v.tips(), v.members().size()));
    }
    return out;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Subjects seen in more than one tip (or, with --tip, the subjects of a tip).")
  static final class ListSubjects implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Option(names = "--tip", paramLabel = "ID", description = "Only the subjects of this tip.")
    @Nullable Long tip;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    ListSubjects(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      AgencyId agency = RootCommand.of(spec).agency(env, spec);
      List<Row> subjects =
          stored(
              env,
              spec,
              agency,
              (backend, views) -> {
                if (tip != null) {
                  if (tip < 1 || backend.tips().find(agency, new TipId(tip)).isEmpty()) {
                    return List.<Row>of();
                  }
                  return rows(backend, agency, backend.linkStore().subjectsOfTip(new TipId(tip)));
                }
                return rows(backend, agency, backend.linkStore().subjectsOf(agency)).stream()
                    .filter(r -> r.tips().size() > 1)
                    .toList();
              });
      if (tip != null && subjects.isEmpty()) {
        env.err().println("tiptrace subjects list: no tip '" + tip + "' for agency " + agency);
        env.err().flush();
        return ExitCodes.NOT_ACCEPTED;
      }
      if (json) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Row s : subjects) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", s.id());
          m.put("tips", s.tips().stream().map(TipId::value).toList());
          m.put("members", s.members());
          items.add(m);
        }
        env.out().println(TipJson.writePretty(Map.of("subjects", items)));
      } else {
        for (Row s : subjects) {
          env.out()
              .println(
                  s.id()
                      + "  tips "
                      + String.join(", ", s.tips().stream().map(TipId::toString).toList())
                      + "  ("
                      + s.members()
                      + (s.members() == 1 ? " person)" : " persons)"));
        }
        env.out().println(subjects.size() + (subjects.size() == 1 ? " subject" : " subjects"));
      }
      env.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "One subject as the agency may see it: its members and tips, the evidence linking them,"
              + " review flags and deconfliction notices.")
  static final class Show implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Parameters(
        paramLabel = "ID",
        description = "A subject id (S-t12/R0, from 'subjects list') or a person (t12/R0).")
    String id = "";

    @Option(names = "--json", description = "Print the subject view as JSON.")
    boolean json;

    Show(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      AgencyId agency = RootCommand.of(spec).agency(env, spec);
      String text = id.strip();
      Optional<Map<String, Object>> doc =
          stored(
              env,
              spec,
              agency,
              (backend, views) -> {
                Optional<Map<String, Object>> d = views.document(agency, text);
                if (d.isEmpty() && !text.startsWith("S-")) {
                  try {
                    d =
                        views
                            .subjectOf(agency, PersonRef.parse(text.replace('.', '/')))
                            .flatMap(s -> views.document(agency, s.toString()));
                  } catch (IllegalArgumentException e) {
                    d = Optional.empty();
                  }
                }
                return d;
              });
      if (doc.isEmpty()) {
        env.err().println("tiptrace subjects show: no subject '" + id + "' for agency " + agency);
        env.err().flush();
        return ExitCodes.NOT_ACCEPTED;
      }
      if (json) {
        env.out().println(TipJson.writePretty(doc.get()));
      } else {
        print(doc.get(), env.out());
      }
      env.out().flush();
      return ExitCodes.OK;
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> v, PrintWriter out) {
      out.println("Subject " + v.get("id") + " (as seen by " + v.get("viewer") + ")");
      out.println(
          "  Tips:    "
              + String.join(
                  ", ", ((List<Object>) v.get("tips")).stream().map(Object::toString).toList()));
      out.println("  Members: " + String.join(", ", (List<String>) v.get("members")));
      int others = (Integer) v.get("otherAgencyTips");
      if (others > 0) {
        out.println("  Other agencies' tips: " + others);
      }
      out.println("  Identifiers:");
      for (Map<String, Object> i : (List<Map<String, Object>>) v.get("identifiers")) {
        out.println("    " + i.get("kind") + " " + i.get("value") + " (" + i.get("strength") + ")");
      }
      out.println("  Evidence:");
      for (String e : (List<String>) v.get("evidence")) {
        out.println("    " + e);
      }
      for (Map<String, Object> a : (List<Map<String, Object>>) v.get("associations")) {
        out.println(
            "  Associated with " + a.get("other") + " (strength " + a.get("strength") + "):");
        for (String e : (List<String>) a.get("evidence")) {
          out.println("    " + e);
        }
      }
      for (String f : (List<String>) v.get("reviewFlags")) {
        out.println("  Review: " + f);
      }
      for (String n : (List<String>) v.get("deconfliction")) {
        out.println("  Deconfliction: " + n);
      }
    }
  }
}
