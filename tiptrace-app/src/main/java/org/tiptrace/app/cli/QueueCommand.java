package org.tiptrace.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipJson;
import org.tiptrace.triage.ScoreLine;
import org.tiptrace.triage.TriageResult;
import org.tiptrace.triage.TriageRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tiptrace queue}: the agency's tips scored now, in work order. */
@Command(
    name = "queue",
    mixinStandardHelpOptions = true,
    description = {
      "The agency's tips scored now, in work order: tier, then earliest attribution deadline,"
          + " then score.",
      "Links come from all the agency's stored tips; IP signals from the data sets given"
          + " (none: every capture is 'not checked')."
    })
final class QueueCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Spec CommandSpec spec = CommandSpec.create();

  @Option(names = "--limit", defaultValue = "50", description = "At most this many (default 50).")
  int limit;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "A triage rules YAML file (default: the bundled rules).")
  @Nullable Path rules;

  @Option(names = "--explain", description = "Print each tip's score lines.")
  boolean explain;

  @Option(names = "--json", description = "Print the queue as JSON, with every score line.")
  boolean json;

  @Mixin IpDataOptions data = new IpDataOptions();

  QueueCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1, was " + limit);
    }
    RootCommand root = RootCommand.of(spec);
    AgencyId agency = root.agency(env, spec);
    TriageRules triageRules;
    try {
      triageRules = rules == null ? TriageRules.defaults() : RulesFile.load(rules);
    } catch (RulesFile.Problem p) {
      return p.report(env.err(), "tiptrace queue");
    }
    try (IpDataOptions.Loaded loaded = data.load(env.clock())) {
      AgencyTriage triage;
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        triage =
            AgencyTriage.load(
                backend.tips(),
                agency,
                loaded.anyData() ? Optional.of(loaded.attribution()) : Optional.empty(),
                id ->
                    AgencyTriage.inJurisdiction(agency, backend.ipAssessments().find(agency, id)));
      }
      List<TriageResult> queue = triage.queue(triageRules);
      List<TriageResult> shown = queue.subList(0, Math.min(limit, queue.size()));
      if (json) {
        env.out().println(TipJson.writePretty(json(agency, triageRules, triage, queue, shown)));
      } else {
        print(triage, queue, shown, triageRules, env.out());
      }
      env.out().flush();
      return ExitCodes.OK;
    } catch (IpDataOptions.DataFileException e) {
      env.err().println("tiptrace queue: " + e.getMessage());
      env.err().flush();
      return ExitCodes.INPUT;
    }
  }

  private Map<String, Object> json(
      AgencyId agency,
      TriageRules rules,
      AgencyTriage triage,
      List<TriageResult> queue,
      List<TriageResult> shown) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agency", agency.toString());
    out.put("rulesVersion", rules.version());
    out.put("scoredAt", env.clock().instant().toString());
    out.put("ipData", data.anyData() ? "checked" : "not checked");
    out.put("total", queue.size());
    List<Map<String, Object>> items = new ArrayList<>();
    int position = 1;
    for (TriageResult r : shown) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("position", position++);
      m.put("tip", r.tip().value());
      m.put("cybertipReportId", cybertip(triage, r));
      m.put("tier", r.tier().name());
      m.put("score", r.score());
      m.put("deadline", r.deadline().map(Object::toString).orElse(null));
      m.put("lines", lines(r.lines()));
      m.put("reasons", r.reasons());
      m.put("notes", r.notes());
      items.add(m);
    }
    out.put("items", items);
    return out;
  }

  static List<Map<String, Object>> lines(List<ScoreLine> lines) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ScoreLine l : lines) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", l.rule());
      m.put("points", l.points());
      m.put("detail", l.detail());
      out.add(m);
    }
    return out;
  }

  static String cybertip(AgencyTriage triage, TriageResult r) {
    return triage.tip(r.tip()).map(Tip::report).flatMap(rep -> rep.cybertipReportId()).orElse("-");
  }

  private void print(
      AgencyTriage triage,
      List<TriageResult> queue,
      List<TriageResult> shown,
      TriageRules rules,
      PrintWriter out) {
    String format = "%-13s %5s  %-20s  %-6s  %s";
    out.println(
        String.format(java.util.Locale.ROOT, format, "TIER", "SCORE", "DEADLINE", "TIP", "CYBERTIP")
            .stripTrailing());
    for (TriageResult r : shown) {
      out.println(
          String.format(
                  java.util.Locale.ROOT,
                  format,
                  r.tier(),
                  r.score(),
                  r.deadline().map(Object::toString).orElse("-"),
                  r.tip(),
                  cybertip(triage, r))
              .stripTrailing());
      if (explain) {
        for (ScoreLine l : r.lines()) {
          out.println("    " + l);
        }
        for (String reason : r.reasons()) {
          out.println("    reason: " + reason);
        }
        for (String note : r.notes()) {
          out.println("    note: " + note);
        }
      }
    }
    out.println(
        shown.size()
            + " of "
            + queue.size()
            + " tips, rules "
            + rules.version()
            + (data.anyData() ? "" : "; IP attribution not checked (no IP data given)"));
  }
}
