package org.tiptrace.app.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tiptrace.app.cli.Cli;
import org.tiptrace.app.cli.CliEnvironment;
import org.tiptrace.app.cli.ZipLimits;
import org.tiptrace.app.system.DatabaseSettings;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.system.UserAccount;
import org.tiptrace.intake.IntakeLimits;

/** Runs {@code tiptrace} commands in-process on one in-memory backend and captures the output. */
public final class CliRun {
  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  /** One call of the web launcher. */
  public record Served(
      TiptraceBackend backend, List<UserAccount> users, int port, Optional<Path> config) {}

  public final InMemoryBackend backend = new InMemoryBackend();
  public final List<DatabaseSettings> opened = new ArrayList<>();
  public final List<Served> served = new ArrayList<>();
  private ZipLimits zipLimits = ZipLimits.DEFAULT;
  private Map<String, String> env = Map.of();

  public CliRun zipLimits(ZipLimits limits) {
    this.zipLimits = limits;
    return this;
  }

  public CliRun env(Map<String, String> env) {
    this.env = env;
    return this;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment =
        new CliEnvironment(
            settings -> {
              opened.add(settings);
              return backend;
            },
            TestReaders.readers(),
            IntakeLimits.DEFAULT,
            zipLimits,
            Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
            env,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            false,
            (b, users, port, config) -> served.add(new Served(b, users, port, config)));
    int code = Cli.commandLine(environment).execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
