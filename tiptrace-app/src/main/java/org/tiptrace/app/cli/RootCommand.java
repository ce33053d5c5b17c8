package org.tiptrace.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tiptrace.app.system.DatabaseSettings;
import org.tiptrace.app.system.SecretKeyLocation;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.tip.AgencyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code tiptrace}: the global options; the work is done by the subcommands. */
@Command(
    name = "tiptrace",
    mixinStandardHelpOptions = true,
    version = "tiptrace 0.1.0",
    description = "CyberTip intake and review.",
    subcommands = {
      IngestCommand.class,
      TipsCommand.class,
      PdqCommand.class,
      HashSetsCommand.class,
      IpCommand.class,
      IpDataCommand.class,
      QueueCommand.class,
      TriageCommand.class,
      RulesCommand.class,
      SubjectsCommand.class,
      ServeCommand.class,
      AuditCommand.class,
      AccountCommands.Users.class,
      AccountCommands.Tokens.class,
      AccountCommands.TotpCommand.class,
      EvidenceCommand.class,
      DemoCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done; every document accepted, attached or duplicate",
      "1:a document or image was rejected, or no such tip or subject",
      "2:usage error, or a rules file with errors",
      "3:an input path does not exist or cannot be read",
      "4:the database could not be opened or used",
      "5:internal error",
      "6:the web app did not start (configuration, port)"
    })
public final class RootCommand implements Callable<Integer> {
  static final String DEFAULT_AGENCY = "LOCAL";
  static final String DEFAULT_DATA_DIR = "./tiptrace-data";

  @Spec @Nullable CommandSpec spec;

  @Option(
      names = "--db-url",
      scope = ScopeType.INHERIT,
      paramLabel = "JDBC-URL",
      description =
          "Database, e.g. jdbc:postgresql://db.example.com/tiptrace (env TIPTRACE_DB_URL;"
              + " default: an H2 file database in the data directory).")
  @Nullable String dbUrl;

  @Option(
      names = "--db-user",
      scope = ScopeType.INHERIT,
      description = "Database user (env TIPTRACE_DB_USER).")
  @Nullable String dbUser;

  @Option(
      names = "--db-password",
      scope = ScopeType.INHERIT,
      description =
          "Database password; prefer the environment variable TIPTRACE_DB_PASSWORD, which is"
              + " not visible in the process list.")
  @Nullable String dbPassword;

  @Option(
      names = "--data-dir",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Data directory (env TIPTRACE_DATA_DIR; default " + DEFAULT_DATA_DIR + ").")
  @Nullable Path dataDir;

  @Option(
      names = "--agency",
      scope = ScopeType.INHERIT,
      paramLabel = "CODE",
      description = "The receiving agency (env TIPTRACE_AGENCY; default " + DEFAULT_AGENCY + ").")
  @Nullable String agency;

  @Override
  public Integer call() {
    if (spec != null) {
      spec.commandLine().usage(spec.commandLine().getErr());
    }
    return ExitCodes.USAGE;
  }

  /** The agency the command acts for. */
  AgencyId agency(CliEnvironment environment, CommandSpec caller) {
    String code = firstOf(agency, environment.env().get("TIPTRACE_AGENCY"), DEFAULT_AGENCY);
    try {
      return new AgencyId(code);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(caller.commandLine(), "--agency: " + e.getMessage());
    }
  }

  Path dataDir(CliEnvironment environment) {
    return dataDir != null
        ? dataDir
        : Path.of(firstOf(null, environment.env().get("TIPTRACE_DATA_DIR"), DEFAULT_DATA_DIR));
  }

  /** True when a database was named by option or environment (not the default). */
  boolean databaseGiven(CliEnvironment environment) {
    return dbUrl != null || environment.env().get("TIPTRACE_DB_URL") != null;
  }

  DatabaseSettings database(CliEnvironment environment, CommandSpec caller) {
    String url = firstOf(dbUrl, environment.env().get("TIPTRACE_DB_URL"), null);
    Optional<String> user =
        Optional.ofNullable(firstOf(dbUser, environment.env().get("TIPTRACE_DB_USER"), null));
    Optional<String> password =
        Optional.ofNullable(
            firstOf(dbPassword, environment.env().get("TIPTRACE_DB_PASSWORD"), null));
    if (url == null) {
      DatabaseSettings defaults = TiptraceBackend.defaultSettings(dataDir(environment));
      url = defaults.url();
      user = user.or(defaults::user);
      password = password.or(defaults::password);
    }
    // The key that seals TOTP secrets: the file named by the environment; else an H2 database's
    // own (secret.key beside its file, TiptraceBackend.open); else the data directory's.
    String keyFile = environment.env().get(SecretKeyLocation.ENV);
    Optional<SecretKeyLocation> key =
        keyFile != null && !keyFile.isBlank()
            ? Optional.of(SecretKeyLocation.configured(Path.of(keyFile.strip())))
            : url.startsWith("jdbc:h2:")
                    && !url.startsWith("jdbc:h2:tcp:")
                    && !url.startsWith("jdbc:h2:ssl:")
                ? Optional.empty()
                : Optional.of(SecretKeyLocation.inDataDir(dataDir(environment)));
    // The hash-set index cache: the directory named by the environment; else an H2 database's own
    // (index-cache beside its file, TiptraceBackend.open); else the data directory's.
    String cacheDir = environment.env().get(DatabaseSettings.INDEX_CACHE_ENV);
    Optional<Path> indexCache =
        cacheDir != null && !cacheDir.isBlank()
            ? Optional.of(Path.of(cacheDir.strip()))
            : url.startsWith("jdbc:h2:")
                ? Optional.empty()
                : Optional.of(dataDir(environment).resolve("index-cache"));
    try {
      return new DatabaseSettings(url, user, password, key, indexCache);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(caller.commandLine(), "--db-url: " + e.getMessage());
    }
  }

  static RootCommand of(CommandSpec spec) {
    return (RootCommand) spec.root().userObject();
  }

  private static @Nullable String firstOf(
      @Nullable String a, @Nullable String b, @Nullable String fallback) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    if (b != null && !b.isBlank()) {
      return b;
    }
    return fallback;
  }
}
