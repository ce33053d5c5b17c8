package org.tiptrace.app.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.tiptrace.app.cli.Cli;
import org.tiptrace.app.cli.CliEnvironment;
import org.tiptrace.app.cli.ZipLimits;
import org.tiptrace.app.system.DatabaseSettings;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.system.UserAccount;
import org.tiptrace.intake.ArchiveStatus;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipQuery;
import org.tiptrace.tip.TipRepository;

/**
 * Runs {@code tiptrace} commands in-process, as {@code TiptraceMain} would, and captures the
 * output. Every run opens the database for real ({@link TiptraceBackend#open}) and closes it; the
 * default database is {@link TestStorage#durable}: the H2 file in the test's data folder, or a
 * PostgreSQL schema. The test looks at what was stored through {@link #tips()} and {@link
 * #archive()}, its own connection to the same database. Only the web launcher is a stand-in (it
 * records the call).
 */
public final class CliRun implements AutoCloseable {
  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  /**
   * One call of the web launcher.
   *
   * @param ipDataSets the names of the IP data sets installed in the served database, read while it
   *     was open
   * @param firstTipDataSets what the first tip of the first extra user's agency was assessed with
   */
  public record Served(
      TiptraceBackend backend,
      List<UserAccount> users,
      int port,
      Optional<Path> config,
      List<String> ipDataSets,
      Optional<String> firstTipDataSets) {}

  public final List<DatabaseSettings> opened = new ArrayList<>();
  public final List<Served> served = new ArrayList<>();
  private final TestStorage storage;
  private final Path dataDir;
  private final Map<String, String> env = new HashMap<>();
  private final AtomicInteger closed = new AtomicInteger();
  private ZipLimits zipLimits = ZipLimits.DEFAULT;
  private TiptraceBackend view;

  private CliRun(TestStorage storage, Path dataDir) {
    this.storage = storage;
    this.dataDir = dataDir;
    env.put("TIPTRACE_DATA_DIR", dataDir.toString());
    if (storage.settings().url().startsWith("jdbc:postgresql:")) {
      env.put("TIPTRACE_DB_URL", storage.settings().url());
    }
  }

  /** Commands on {@code database}; an H2 database lives in {@code dir}. */
  public static CliRun on(TestBackend database, Path dir) {
    Path dataDir = dir.resolve("tiptrace-data");
    return new CliRun(TestStorage.durable(database, dataDir), dataDir);
  }

  private boolean terminal;

  /** Runs the next commands as if stderr were a terminal (progress bars drawn). */
  public CliRun terminal() {
    this.terminal = true;
    return this;
  }

  public CliRun zipLimits(ZipLimits limits) {
    this.zipLimits = limits;
    return this;
  }

  /** Adds environment variables (beside {@code TIPTRACE_DATA_DIR} or {@code TIPTRACE_DB_URL}). */
  public CliRun env(Map<String, String> variables) {
    env.putAll(variables);
    return this;
  }

  /** The data folder ({@code TIPTRACE_DATA_DIR}) of the commands. */
  public Path dataDir() {
    return dataDir;
  }

  /** The settings a command opens when given no database options. */
  public DatabaseSettings defaultSettings() {
    return storage.settings();
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment =
        new CliEnvironment(
            settings -> {
              opened.add(settings);
              TiptraceBackend backend = TiptraceBackend.open(settings);
              return TiptraceBackend.closingWith(
                  backend,
                  () -> {
                    closed.incrementAndGet();
                    backend.close();
                  });
            },
            DocumentReaders.standard(),
            IntakeLimits.DEFAULT,
            zipLimits,
            Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
            env,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            terminal,
            (b, users, port, config) ->
                served.add(
                    new Served(
                        b,
                        users,
                        port,
                        config,
                        b.ipData().list().stream().map(d -> d.name()).toList(),
                        users.isEmpty()
                            ? Optional.empty()
                            : b
                                .tips()
                                .list(users.get(0).agency(), TipQuery.firstPage(1))
                                .items()
                                .stream()
                                .findFirst()
                                .flatMap(t -> b.ipAssessments().find(users.get(0).agency(), t.id()))
                                .map(a -> a.dataSets()))));
    int code = Cli.commandLine(environment).execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** How many backends the commands closed (each run closes what it opened). */
  public int closeCount() {
    return closed.get();
  }

  /** The tips in the default database, through a connection of the test's own. */
  public TipRepository tips() {
    return view().tips();
  }

  /** The default database, through a connection of the test's own (to seed or inspect it). */
  public TiptraceBackend database() {
    return view();
  }

  /** How many documents the default database archived for {@code agency}, whatever their status. */
  public int archived(AgencyId agency) {
    int n = 0;
    for (ArchiveStatus status : ArchiveStatus.values()) {
      n += view().archive().list(agency, status, 1_000).size();
    }
    return n;
  }

  private TiptraceBackend view() {
    if (view == null) {
      view = storage.open();
    }
    return view;
  }

  @Override
  public void close() {
    if (view != null) {
      view.close();
    }
    storage.drop();
  }
}
