package org.tiptrace.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.tips.TipDocument;
import org.tiptrace.app.tips.TipFacts;
import org.tiptrace.app.tips.TipRow;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.TipQuery;
import org.tiptrace.tip.TipSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tiptrace tips list|show}: the agency's tips. */
@Command(
    name = "tips",
    mixinStandardHelpOptions = true,
    description = "List or show the agency's tips.",
    subcommands = {TipsCommand.ListTips.class, TipsCommand.ShowTip.class})
final class TipsCommand implements Callable<Integer> {
  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tips, newest first.")
  static final class ListTips implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (1-1000).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Skip this many.")
    int offset;

    @Option(names = "--json", description = "Print the page as JSON (items, total, offset, limit).")
    boolean json;

    ListTips(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      TipQuery query;
      try {
        query = new TipQuery(offset, limit);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      RootCommand root = RootCommand.of(spec);
      AgencyId agency = root.agency(env, spec);
      Page<TipSummary> page;
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        page = backend.tips().list(agency, query);
      }
      if (json) {
        env.out().println(TipJson.writePretty(page));
      } else {
        printTable(page, env.out());
      }
      env.out().flush();
      return ExitCodes.OK;
    }

    private static void printTable(Page<TipSummary> page, PrintWriter out) {
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {
            "ID",
            "CYBERTIP",
            "INCIDENT TYPE",
            "INCIDENT TIME",
            "REPORTER",
            "FILES",
            "USERS",
            "RECEIVED"
          });
      for (TipSummary s : page.items()) {
        TipRow r = TipRow.of(s);
        rows.add(
            new String[] {
              r.id(),
              r.reportId(),
              r.incidentType(),
              r.incidentTime(),
              r.reporter(),
              r.files(),
              r.users(),
              r.received()
            });
      }
      int[] widths = new int[rows.get(0).length];
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.min(40, Math.max(widths[i], row[i].length()));
        }
      }
      for (String[] row : rows) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
          String cell = row[i].length() > 40 ? row[i].substring(0, 39) + "~" : row[i];
          sb.append(cell).append(" ".repeat(widths[i] - cell.length() + 2));
        }
        out.println(sb.toString().stripTrailing());
      }
      long from = page.items().isEmpty() ? 0 : page.offset() + 1L;
      long to = (long) page.offset() + page.items().size();
      out.println(from + "-" + to + " of " + page.total() + " tips");
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one tip.")
  static final class ShowTip implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Parameters(paramLabel = "ID", description = "The tip id (from 'tips list').")
    String id = "";

    @Option(
        names = "--json",
        description =
            "Print the full normalised tip (every file, person and IP event) with its IP"
                + " assessments and hash matches: {\"tip\": ..., \"ipAssessments\": [...],"
                + " \"ipAttribution\": ..., \"hashMatches\": ...}.")
    boolean json;

    ShowTip(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      AgencyId agency = root.agency(env, spec);
      Optional<Tip> tip;
      Optional<AssessmentRepository.Stored> assessments = Optional.empty();
      Optional<HashSetRepository.StoredMatches> hashMatches = Optional.empty();
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        tip = parse(id).flatMap(tipId -> backend.tips().find(agency, tipId));
        if (tip.isPresent()) {
          assessments = backend.ipAssessments().find(agency, tip.get().id());
          hashMatches = backend.hashSets().findMatches(agency, tip.get().id());
        }
      }
      if (tip.isEmpty()) {
        env.err().println("tiptrace tips show: no tip '" + id + "' for agency " + agency);
        env.err().flush();
        return ExitCodes.NOT_ACCEPTED;
      }
      if (json) {
        env.out().println(TipDocument.json(tip.get(), assessments, hashMatches));
      } else {
        printFacts(TipFacts.of(tip.get()), env.out());
        printAssessments(assessments, env.out());
        printHashMatches(hashMatches, env.out());
      }
      env.out().flush();
      return ExitCodes.OK;
    }

    private static Optional<TipId> parse(String id) {
      try {
        long value = Long.parseLong(id.trim());
        return value > 0 ? Optional.of(new TipId(value)) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    private static void printHashMatches(
        Optional<HashSetRepository.StoredMatches> matches, PrintWriter out) {
      out.println();
      if (matches.isEmpty()) {
        out.println("Hash matches: not matched");
        return;
      }
      out.println(
          "Hash matches (matched "
              + matches.get().computedAt()
              + " against "
              + matches.get().matches().sets()
              + "):");
      List<String> lines = TipDocument.hashLines(matches.get());
      if (lines.isEmpty()) {
        out.println("  no files");
      }
      lines.forEach(l -> out.println("  " + l));
    }

    private static void printAssessments(
        Optional<AssessmentRepository.Stored> assessments, PrintWriter out) {
      out.println();
      if (assessments.isEmpty()) {
        out.println("IP events: not assessed");
        return;
      }
      AssessmentRepository.Stored stored = assessments.get();
      out.println(
          "IP events (assessed "
              + stored.computedAt()
              + "; "
              + stored.dataSets()
              + "; deadlines are estimates, not legal advice):");
      List<String> lines = TipDocument.lines(stored);
      if (lines.isEmpty()) {
        out.println("  none");
      }
      lines.forEach(l -> out.println("  " + l));
      TipDocument.routingLine(stored).ifPresent(out::println);
    }

    private static void printFacts(TipFacts facts, PrintWriter out) {
      out.println(facts.title());
      printFacts(facts.summary(), "  ", out);
      for (TipFacts.Section s : facts.users()) {
        out.println();
        out.println("User: " + s.title());
        printFacts(s.facts(), "  ", out);
      }
      for (TipFacts.Section s : facts.files()) {
        out.println();
        out.println(s.title());
        printFacts(s.facts(), "  ", out);
      }
    }

    private static void printFacts(List<TipFacts.Fact> facts, String indent, PrintWriter out) {
      int width = facts.stream().mapToInt(f -> f.label().length()).max().orElse(0);
      for (TipFacts.Fact f : facts) {
        out.println(
            indent + f.label() + ":" + " ".repeat(width - f.label().length() + 1) + f.value());
      }
    }
  }
}
