package org.tiptrace.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.triage.ReplayReport;
import org.tiptrace.triage.TierChange;
import org.tiptrace.triage.TriageRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tiptrace triage replay}: what a candidate rules file would change. */
@Command(
    name = "triage",
    mixinStandardHelpOptions = true,
    description = "Triage rules.",
    subcommands = {TriageCommand.Replay.class})
final class TriageCommand implements Callable<Integer> {
  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description = {
        "Score every tip of the agency with the current (bundled) rules and a candidate file and"
            + " list the tips whose tier changes, with the score delta and the changed lines.",
        "A candidate file with errors exits 2 and lists every problem."
      })
  static final class Replay implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Option(
        names = "--rules",
        required = true,
        paramLabel = "FILE",
        description = "The candidate rules YAML file.")
    Path rules = Path.of("");

    @Option(names = "--json", description = "Print the replay report as JSON.")
    boolean json;

    @Mixin IpDataOptions data = new IpDataOptions();

    Replay(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      AgencyId agency = root.agency(env, spec);
      TriageRules current = TriageRules.defaults();
      TriageRules candidate;
      try {
        candidate = RulesFile.load(rules);
      } catch (RulesFile.Problem p) {
        return p.report(env.err(), "tiptrace triage replay");
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
                      AgencyTriage.inJurisdiction(
                          agency, backend.ipAssessments().find(agency, id)));
        }
        ReplayReport report = triage.replay(current, candidate);
        if (json) {
          env.out().println(TipJson.writePretty(json(triage, report)));
        } else {
          print(triage, report, env.out());
        }
        env.out().flush();
        return ExitCodes.OK;
      } catch (IpDataOptions.DataFileException e) {
        env.err().println("tiptrace triage replay: " + e.getMessage());
        env.err().flush();
        return ExitCodes.INPUT;
      }
    }

    private static long raised(ReplayReport r) {
      return r.changes().stream().filter(c -> c.newTier().rank() < c.oldTier().rank()).count();
    }

    private static Map<String, Object> json(AgencyTriage triage, ReplayReport r) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("agency", triage.agency().toString());
      out.put("oldVersion", r.oldVersion());
      out.put("newVersion", r.newVersion());
      out.put("tips", r.tips());
      out.put("changed", r.changes().size());
      out.put("raised", raised(r));
      out.put("lowered", r.changes().size() - raised(r));
      List<Map<String, Object>> changes = new ArrayList<>();
      for (TierChange c : r.changes()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tip", c.tip().value());
        m.put(
            "cybertipReportId",
            triage.tip(c.tip()).flatMap(t -> t.report().cybertipReportId()).orElse(null));
        m.put("oldTier", c.oldTier().name());
        m.put("newTier", c.newTier().name());
        m.put("oldScore", c.oldScore());
        m.put("newScore", c.newScore());
        m.put("scoreDelta", c.scoreDelta());
        m.put("changedLines", c.changedLines());
        changes.add(m);
      }
      out.put("changes", changes);
      return out;
    }

    private static void print(AgencyTriage triage, ReplayReport r, PrintWriter out) {
      for (TierChange c : r.changes()) {
        int delta = c.scoreDelta();
        out.println(
            "tip "
                + c.tip()
                + " (CyberTip "
                + triage.tip(c.tip()).flatMap(t -> t.report().cybertipReportId()).orElse("-")
                + "): "
                + c.oldTier()
                + " -> "
                + c.newTier()
                + ", score "
                + c.oldScore()
                + " -> "
                + c.newScore()
                + " ("
                + (delta >= 0 ? "+" : "")
                + delta
                + ")");
        for (String line : c.changedLines()) {
          out.println("    " + line);
        }
      }
      long up = raised(r);
      out.println(
          r.changes().size()
              + " of "
              + r.tips()
              + " tips change tier ("
              + up
              + " up, "
              + (r.changes().size() - up)
              + " down), rules "
              + r.oldVersion()
              + " -> "
              + r.newVersion());
    }
  }
}
