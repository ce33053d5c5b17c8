package org.tiptrace.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.link.DeconflictionNotice;
import org.tiptrace.link.Linker;
import org.tiptrace.link.PersonRef;
import org.tiptrace.link.Subject;
import org.tiptrace.link.SubjectId;
import org.tiptrace.link.SubjectView;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;
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

  private static Linker linker(CliEnvironment env, CommandSpec spec, AgencyId agency) {
    RootCommand root = RootCommand.of(spec);
    try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
      return AgencyTriage.load(backend.tips(), agency, Optional.empty()).linker();
    }
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
      Linker linker = linker(env, spec, agency);
      List<Subject> subjects;
      if (tip != null) {
        TipId id = tip > 0 ? new TipId(tip) : null;
        try {
          subjects =
              id == null
                  ? List.of()
                  : linker.subjectsOfTip(id).stream().map(linker::subject).toList();
        } catch (IllegalArgumentException e) {
          subjects = List.of();
        }
        if (subjects.isEmpty()) {
          env.err().println("tiptrace subjects list: no tip '" + tip + "' for agency " + agency);
          env.err().flush();
          return ExitCodes.NOT_ACCEPTED;
        }
      } else {
        subjects = linker.subjects().stream().filter(s -> s.tips().size() > 1).toList();
      }
      if (json) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Subject s : subjects) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", s.id().toString());
          m.put("tips", s.tips().stream().map(TipId::value).toList());
          m.put("members", s.members().size());
          items.add(m);
        }
        env.out().println(TipJson.writePretty(Map.of("subjects", items)));
      } else {
        for (Subject s : subjects) {
          env.out()
              .println(
                  s.id()
                      + "  tips "
                      + String.join(", ", s.tips().stream().map(TipId::toString).toList())
                      + "  ("
                      + s.members().size()
                      + (s.members().size() == 1 ? " person)" : " persons)"));
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
      Linker linker = linker(env, spec, agency);
      Optional<SubjectId> found = resolve(linker, id.strip());
      if (found.isEmpty()) {
        env.err().println("tiptrace subjects show: no subject '" + id + "' for agency " + agency);
        env.err().flush();
        return ExitCodes.NOT_ACCEPTED;
      }
      SubjectView v = linker.subjectView(agency, found.get());
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id().toString());
        m.put("viewer", v.viewer().toString());
        m.put("members", v.members().stream().map(PersonRef::toString).toList());
        m.put("tips", v.tips().stream().map(TipId::value).toList());
        m.put("evidence", v.evidence());
        m.put("otherAgencyTips", v.otherAgencyTips());
        m.put(
            "deconfliction", v.deconfliction().stream().map(DeconflictionNotice::message).toList());
        m.put("reviewFlags", v.reviewFlags());
        env.out().println(TipJson.writePretty(m));
      } else {
        print(v, env.out());
      }
      env.out().flush();
      return ExitCodes.OK;
    }

    /** A subject id, or the subject a person now belongs to. */
    private static Optional<SubjectId> resolve(Linker linker, String text) {
      String ref = text.startsWith("S-") ? text.substring(2) : text;
      for (Subject s : linker.subjects()) {
        for (PersonRef p : s.members()) {
          if (p.toString().equals(ref)) {
            return Optional.of(s.id());
          }
        }
      }
      return Optional.empty();
    }

    private static void print(SubjectView v, PrintWriter out) {
      out.println("Subject " + v.id() + " (as seen by " + v.viewer() + ")");
      out.println(
          "  Tips:    " + String.join(", ", v.tips().stream().map(TipId::toString).toList()));
      out.println(
          "  Members: "
              + String.join(", ", v.members().stream().map(PersonRef::toString).toList()));
      if (v.otherAgencyTips() > 0) {
        out.println("  Other agencies' tips: " + v.otherAgencyTips());
      }
      out.println("  Evidence:");
      for (String e : v.evidence()) {
        out.println("    " + e);
      }
      for (String f : v.reviewFlags()) {
        out.println("  Review: " + f);
      }
      for (DeconflictionNotice n : v.deconfliction()) {
        out.println("  Deconfliction: " + n.message());
      }
    }
  }
}
