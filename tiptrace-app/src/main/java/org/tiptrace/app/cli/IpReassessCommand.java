package org.tiptrace.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tiptrace.app.intake.IpEnrichment;
import org.tiptrace.app.ip.Reassessment;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tiptrace ip reassess}: the agency's stored tips assessed and routed with current data. */
@Command(
    name = "reassess",
    mixinStandardHelpOptions = true,
    description = {
      "Assess and route the agency's stored tips again with the current IP data (the installed"
          + " sets, or the data files named here) and report how many tips' attribution changed.",
      "By default only tips assessed with other data sets are done; --all does every tip."
    })
final class IpReassessCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Spec CommandSpec spec = CommandSpec.create();

  @Option(
      names = "--all",
      description = "Every tip of the agency, also those already assessed with the current data.")
  boolean all;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Mixin IpDataOptions data = new IpDataOptions();

  IpReassessCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    RootCommand root = RootCommand.of(spec);
    AgencyId agency = root.agency(env, spec);
    Reassessment.Summary summary;
    try (TiptraceBackend backend = env.backends().open(root.database(env, spec));
        IpDataOptions.Loaded loaded = data.load(env.clock(), Optional.of(backend.ipData()))) {
      IpEnrichment enrichment =
          new IpEnrichment(
              loaded.attribution(),
              loaded.dataSets(),
              backend.tips(),
              backend.ipAssessments(),
              env.clock());
      ProgressBar bar = env.terminal() ? new ProgressBar(env.err()) : null;
      summary =
          new Reassessment(
                  backend.tips(),
                  backend.ipAssessments(),
                  enrichment,
                  LinkTriageService.of(backend, CliRules.of(backend, env)::triage, env.clock())
                      ::rescore)
              .run(
                  agency,
                  all,
                  (done, total, tip) -> {
                    if (bar != null) {
                      bar.step(done - 1, total, "tip " + tip.value());
                    }
                  });
      if (bar != null) {
        bar.finish();
      }
    } catch (IpDataOptions.DataFileException e) {
      env.err().println("tiptrace ip reassess: " + e.getMessage());
      env.err().flush();
      return ExitCodes.INPUT;
    }
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("agency", agency.code());
      out.put("tips", summary.tips());
      out.put("reassessed", summary.reassessed());
      out.put("changed", summary.changed());
      out.put("dataSets", summary.dataSets());
      env.out().println(TipJson.writePretty(out));
    } else {
      env.out()
          .println(
              "Reassessed "
                  + summary.reassessed()
                  + " of "
                  + summary.tips()
                  + " tips of "
                  + agency
                  + "; attribution changed for "
                  + summary.changed()
                  + ".");
      env.out().println("Data: " + summary.dataSets());
    }
    env.out().flush();
    return ExitCodes.OK;
  }
}
