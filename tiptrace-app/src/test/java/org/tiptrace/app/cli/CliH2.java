package org.tiptrace.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tiptrace.app.system.DatabaseSettings;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.IntakeOutcome;
import org.tiptrace.intake.IntakeResult;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.tip.AgencyId;

/**
 * The real CLI on a fresh in-memory H2 database (one per instance), filled through real intake,
 * with a fixed clock. Self-contained: uses nothing of the shared test helpers.
 */
final class CliH2 implements AutoCloseable {
  /** What one run printed and returned. */
  record Result(int exitCode, String out, String err) {}

  final String url = "jdbc:h2:mem:cli2-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  final TiptraceBackend backend =
      TiptraceBackend.open(new DatabaseSettings(url, Optional.empty(), Optional.empty()));
  private final Clock clock;

  CliH2(Instant now) {
    this.clock = Clock.fixed(now, ZoneOffset.UTC);
  }

  /** Ingests the documents for the agency; every one must be accepted. */
  List<IntakeResult> ingest(AgencyId agency, List<RawDocument> docs) {
    Intake intake =
        new Intake(
            backend.archive(), backend.tips(), DocumentReaders.standard(), IntakeLimits.DEFAULT);
    List<IntakeResult> out = new ArrayList<>();
    for (RawDocument d : docs) {
      IntakeResult r = intake.ingest(agency, d, ParseMode.TOLERANT);
      if (r.outcome() != IntakeOutcome.ACCEPTED) {
        throw new IllegalStateException(d.name() + ": " + r);
      }
      out.add(r);
    }
    return out;
  }

  /** Runs {@code tiptrace --db-url URL args...}. */
  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--db-url", url));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env =
        new CliEnvironment(
            this::openShared,
            DocumentReaders.standard(),
            IntakeLimits.DEFAULT,
            ZipLimits.DEFAULT,
            clock,
            Map.of(),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            false,
            (b, u, p, c) -> {});
    int code = Cli.commandLine(env).execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * The CLI's opener: checks the command asked for this database and hands it a view of the open
   * backend whose close does nothing. H2 closes an in-memory database on SHUTDOWN, which the store
   * runs on close, so each command closing its own backend would empty it.
   */
  private TiptraceBackend openShared(DatabaseSettings settings) {
    if (!settings.url().equals(url)) {
      throw new IllegalStateException("the command opened " + settings.url() + ", not " + url);
    }
    return TiptraceBackend.closingWith(backend, () -> {});
  }

  @Override
  public void close() {
    backend.close();
  }
}
