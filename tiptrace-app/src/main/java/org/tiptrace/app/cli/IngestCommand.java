package org.tiptrace.app.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tiptrace.app.intake.BatchIntake;
import org.tiptrace.app.intake.InputDocument;
import org.tiptrace.app.intake.IntakeReport;
import org.tiptrace.app.intake.IpEnrichment;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tiptrace ingest PATH...}: files, folders and zips into the agency's tips. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Ingest CyberTip documents (ESP XML report and fileDetails, LE JSON).",
      "Folders are walked for .xml, .json and .zip files; each zip entry is a document.",
      "Reports are ingested before fileDetails. Exit code 1 when any document was rejected.",
      "Each new or attached tip's IP events are assessed and the tip routed to a jurisdiction"
          + " with the installed IP data sets ('tiptrace ipdata'), or with the data files named"
          + " here, which override them; 'tips show' prints the result.",
      "Each new or attached tip's files are then matched against the enabled hash sets"
          + " ('hashsets import') and the matches stored."
    })
final class IngestCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Spec CommandSpec spec = CommandSpec.create();

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders or zip files.")
  List<Path> paths = List.of();

  @Option(names = "--json", description = "Print one JSON document with every result.")
  boolean json;

  /** The IP data the tips' IP events are assessed with; none: enrichment "not checked". */
  @Mixin IpDataOptions ipData = new IpDataOptions();

  IngestCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    RootCommand root = RootCommand.of(spec);
    AgencyId agency = root.agency(env, spec);
    try (InputCollector collector =
        new InputCollector(env.zipLimits(), env.intakeLimits().maxDocumentBytes())) {
      List<InputDocument> documents;
      try {
        documents = collector.collect(paths);
      } catch (NoSuchFileException e) {
        env.err().println("tiptrace ingest: " + e.getFile() + ": no such file or folder");
        env.err().flush();
        return ExitCodes.INPUT;
      } catch (IOException e) {
        env.err().println("tiptrace ingest: cannot read input: " + e);
        env.err().flush();
        return ExitCodes.INPUT;
      }
      IntakeReport report;
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec));
          IpDataOptions.Loaded loaded = ipData.load(env.clock(), Optional.of(backend.ipData()))) {
        BatchIntake batch =
            new BatchIntake(
                new Intake(backend.archive(), backend.tips(), env.readers(), env.intakeLimits()),
                env.clock(),
                CliTipSteps.of(
                    new IpEnrichment(
                        loaded.attribution(),
                        loaded.dataSets(),
                        backend.tips(),
                        backend.ipAssessments(),
                        env.clock()),
                    backend,
                    env.clock()));
        ProgressBar bar = env.terminal() ? new ProgressBar(env.err()) : null;
        report =
            batch.ingest(
                agency,
                documents,
                ParseMode.TOLERANT,
                (i, n, r) -> {
                  if (bar != null) {
                    bar.done(i, n, r);
                  }
                });
        if (bar != null) {
          bar.finish();
        }
      } catch (IpDataOptions.DataFileException e) {
        env.err().println("tiptrace ingest: " + e.getMessage());
        env.err().flush();
        return ExitCodes.INPUT;
      }
      if (json) {
        env.out().println(TipJson.writePretty(report));
        env.out().flush();
      } else {
        IntakePrinter.print(report, env.out());
      }
      return report.anyRejected() ? ExitCodes.NOT_ACCEPTED : ExitCodes.OK;
    }
  }
}
