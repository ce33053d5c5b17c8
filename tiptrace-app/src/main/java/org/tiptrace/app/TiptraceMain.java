package org.tiptrace.app;

import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.tiptrace.app.cli.Cli;
import org.tiptrace.app.cli.CliEnvironment;
import org.tiptrace.app.cli.ZipLimits;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.system.WebServer;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.IntakeLimits;

/**
 * The jar's entry point: {@code tiptrace ingest|tips|serve|demo}. The only class that touches the
 * real console and calls {@link System#exit}. Spring starts only for {@code serve} and {@code
 * demo}; the other commands build core objects directly.
 */
public final class TiptraceMain {
  private TiptraceMain() {}

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    CliEnvironment env =
        new CliEnvironment(
            TiptraceBackend::open,
            DocumentReaders.standard(),
            IntakeLimits.DEFAULT,
            ZipLimits.DEFAULT,
            Clock.systemUTC(),
            System.getenv(),
            out,
            err,
            isTerminal(),
            // A lambda, not a method reference: Spring's classes load only when serving.
            (backend, users, port, config) ->
                WebServer.serveUntilShutdown(backend, users, port, config));
    int code = Cli.commandLine(env).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * True when the console is an interactive terminal. From JDK 22 {@link System#console()} also
   * returns a console when output is redirected, so {@code Console.isTerminal()} is asked when the
   * running JDK has it.
   */
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only for a terminal
    }
  }
}
