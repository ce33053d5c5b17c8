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
import org.tiptrace.app.queue.AgencyQueue;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.triage.HashVerdictSource;
import org.tiptrace.triage.ScoreLine;
import org.tiptrace.triage.TriageResult;
import org.tiptrace.triage.TriageRules;
import org.tiptrace.triage.TriageStore;
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
      "The agency's triage queue in work order: tier, then earliest attribution deadline,"
          + " then score.",
      "Reads the stored triage (computed on ingest; tips without one are linked and scored"
          + " first). With --rules or IP data options it re-scores every tip now instead (what-if),"
          + " from the agency's tips alone."
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
      triageRules = rules == null ? CliRules.triage(env, spec) : RulesFile.load(rules);
    } catch (RulesFile.Problem p) {
      return p.report(env.err(), "tiptrace queue");
    }
    if (rules == null && !data.anyData()) {
      return stored(root, agency, triageRules);
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

  /** The persisted queue: what ingest computed, brought up to date for tips without a triage. */
  private int stored(RootCommand root, AgencyId agency, TriageRules triageRules) {
    List<AgencyQueue.Item> shown = new ArrayList<>();
    long total;
    Map<Long, String> cybertips = new LinkedHashMap<>();
    try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
      LinkTriageService.of(backend, HashVerdictSource.notChecked(), triageRules, env.clock())
          .catchUp(agency);
      AgencyQueue queue = new AgencyQueue(backend.triageStore(), backend.linkStore());
      total = 0;
      int offset = 0;
      while (shown.size() < limit) {
        int size = Math.min(TriageStore.QueueQuery.MAX_LIMIT, limit - shown.size());
        Page<AgencyQueue.Item> page = queue.page(agency, TriageStore.QueueQuery.page(offset, size));
        total = page.total();
        shown.addAll(page.items());
        offset += page.items().size();
        if (page.items().isEmpty() || offset >= page.total()) {
          break;
        }
      }
      for (AgencyQueue.Item i : shown) {
        cybertips.put(
            i.tip(),
            backend
                .tips()
                .find(agency, new TipId(i.tip()))
                .flatMap(t -> t.report().cybertipReportId())
                .orElse("-"));
      }
    }
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("agency", agency.toString());
      out.put("rulesVersion", triageRules.version());
      out.put("source", "stored");
      out.put("ipData", "stored assessments");
      out.put("total", total);
      List<Map<String, Object>> items = new ArrayList<>();
      for (AgencyQueue.Item i : shown) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position", i.position());
        m.put("tip", i.tip());
        m.put("cybertipReportId", cybertips.get(i.tip()));
        m.put("tier", i.tier());
        m.put("score", i.score());
        m.put("deadline", i.deadline());
        m.put("lines", i.lines());
        m.put("reasons", i.reasons());
        m.put("notes", i.notes());
        m.put("deconfliction", i.deconfliction());
        m.put("rulesVersion", i.rulesVersion());
        m.put("computedAt", i.computedAt());
        items.add(m);
      }
      out.put("items", items);
      env.out().println(TipJson.writePretty(out));
    } else {
      PrintWriter out = env.out();
      String format = "%-13s %5s  %-20s  %-6s  %s";
      out.println(
          String.format(
                  java.util.Locale.ROOT, format, "TIER", "SCORE", "DEADLINE", "TIP", "CYBERTIP")
              .stripTrailing());
      for (AgencyQueue.Item i : shown) {
        out.println(
            String.format(
                    java.util.Locale.ROOT,
                    format,
                    i.tier(),
                    i.score(),
                    i.deadline() == null ? "-" : i.deadline(),
                    i.tip(),
                    cybertips.get(i.tip()))
                .stripTrailing());
        if (explain) {
          for (Map<String, Object> l : i.lines()) {
            int points = (Integer) l.get("points");
            out.println(
                "    "
                    + (points >= 0 ? "+" : "")
                    + points
                    + " "
                    + l.get("rule")
                    + ": "
                    + l.get("detail"));
          }
          for (String reason : i.reasons()) {
            out.println("    reason: " + reason);
          }
          for (String note : i.notes()) {
            out.println("    note: " + note);
          }
        }
        for (String d : i.deconfliction()) {
          out.println("    " + d);
        }
      }
      out.println(
          shown.size() + " of " + total + " tips, rules " + triageRules.version() + " (stored)");
    }
    env.out().flush();
    return ExitCodes.OK;
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
