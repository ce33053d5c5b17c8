package org.tiptrace.app.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import org.tiptrace.app.system.BackendException;
import org.tiptrace.app.system.WebServer;
import picocli.CommandLine;

/** Builds the {@code tiptrace} command line on an environment. */
public final class Cli {
  private Cli() {}

  public static CommandLine commandLine(CliEnvironment env) {
    CommandLine cmd = new CommandLine(RootCommand.class, new Factory(env));
    cmd.setOut(env.out());
    cmd.setErr(env.err());
    cmd.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (e instanceof WebServer.WebStartupException) {
            err.println("tiptrace: the web app did not start: " + e.getMessage());
            err.flush();
            return ExitCodes.CONFIG;
          }
          if (e instanceof BackendException) {
            err.println("tiptrace: database: " + e.getMessage());
            err.flush();
            return ExitCodes.DATABASE;
          }
          err.println("tiptrace: internal error: " + e);
          e.printStackTrace(err);
          err.flush();
          return ExitCodes.INTERNAL;
        });
    return cmd;
  }

  /** Gives commands that want it the environment through their constructor. */
  private record Factory(CliEnvironment env) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        Constructor<K> c = cls.getDeclaredConstructor(CliEnvironment.class);
        return c.newInstance(env);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
