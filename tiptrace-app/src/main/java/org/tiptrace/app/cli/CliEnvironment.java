package org.tiptrace.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import org.tiptrace.app.system.BackendOpener;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.IntakeLimits;

/**
 * Everything the commands take from outside: storage, readers, time, environment variables, the
 * console. {@link org.tiptrace.app.TiptraceMain} builds the real one; tests build their own.
 *
 * @param env environment variables ({@code TIPTRACE_DB_PASSWORD} and the defaults of the global
 *     options)
 * @param terminal whether stderr is a terminal (progress bar)
 */
public record CliEnvironment(
    BackendOpener backends,
    DocumentReaders readers,
    IntakeLimits intakeLimits,
    ZipLimits zipLimits,
    Clock clock,
    Map<String, String> env,
    PrintWriter out,
    PrintWriter err,
    boolean terminal,
    WebLauncher web) {

  public CliEnvironment {
    env = Map.copyOf(env);
  }
}
