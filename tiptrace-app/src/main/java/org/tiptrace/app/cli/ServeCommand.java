package org.tiptrace.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tiptrace.app.system.TiptraceBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tiptrace serve}: the web app and API on the configured database. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web pages and the API.",
      "Users come from tiptrace.users[] in the configuration",
      "(application.properties or .yml in ./config, or --config FILE)."
    })
final class ServeCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Spec CommandSpec spec = CommandSpec.create();

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default 8080).")
  int port;

  @Option(names = "--config", paramLabel = "FILE", description = "Extra configuration file.")
  @Nullable Path config;

  ServeCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535, was " + port);
    }
    if (config != null && !Files.isRegularFile(config)) {
      env.err().println("tiptrace serve: " + config + ": no such file");
      env.err().flush();
      return ExitCodes.INPUT;
    }
    RootCommand root = RootCommand.of(spec);
    try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
      env.web().serve(backend, List.of(), port, Optional.ofNullable(config));
    }
    return ExitCodes.OK;
  }
}
