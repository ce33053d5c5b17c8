package org.tiptrace.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.triage.HashVerdictSource;
import org.tiptrace.triage.ReplayReport;
import org.tiptrace.triage.StoredTriage;
import org.tiptrace.triage.TierChange;
import org.tiptrace.triage.Triage;
import org.tiptrace.triage.TriageInput;
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
        "Uses each tip's stored signals (linking across agencies, stored IP assessments); with IP"
            + " data options it recomputes the signals from the agency's tips alone instead.",
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
      TriageRules current = CliRules.triage(env, spec);
      TriageRules candidate;
      try {
        candidate = RulesFile.load(rules);
      } catch (RulesFile.Problem p) {
        return p.report(env.err(), "tiptrace triage replay");
      }
      if (!data.anyData()) {
        // The stored signals of every tip (what ingest computed), scored with both rule sets.
        Map<TipId, Tip> tips = new LinkedHashMap<>();
        List<TriageInput> inputs = new ArrayList<>();
        try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
          LinkTriageService.of(backend, HashVerdictSource.notChecked(), current, env.clock())
              .catchUp(agency);
          for (StoredTriage t : backend.triageStore().all(agency)) {
            Optional<Tip> tip = backend.tips().find(agency, t.result().tip());
            if (tip.isPresent()) {
              tips.put(tip.get().id(), tip.get());
              inputs.add(new TriageInput(tip.get(), t.signals()));
            }
          }
        }
        ReplayReport report = Triage.replay(inputs, current, candidate);
        Function<TipId, Optional<Tip>> tipOf = id -> Optional.ofNullable(tips.get(id));
        if (json) {
          env.out().println(TipJson.writePretty(json(agency, tipOf, report)));
        } else {
          print(tipOf, report, env.out());
        }
        env.out().flush();
        return ExitCodes.OK;
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
          env.out().println(TipJson.writePretty(json(agency, triage::tip, report)));
        } else {
          print(triage::tip, report, env.out());
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

    private static Map<String, Object> json(
        AgencyId agency, Function<TipId, Optional<Tip>> tipOf, ReplayReport r) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("agency", agency.toString());
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
            tipOf.apply(c.tip()).flatMap(t -> t.report().cybertipReportId()).orElse(null));
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

    private static void print(
        Function<TipId, Optional<Tip>> tipOf, ReplayReport r, PrintWriter out) {
      for (TierChange c : r.changes()) {
        int delta = c.scoreDelta();
        out.println(
            "tip "
                + c.tip()
                + " (CyberTip "
                + tipOf.apply(c.tip()).flatMap(t -> t.report().cybertipReportId()).orElse("-")
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
