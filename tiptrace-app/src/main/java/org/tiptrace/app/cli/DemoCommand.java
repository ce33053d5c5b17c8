package org.tiptrace.app.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.tiptrace.app.intake.BatchIntake;
import org.tiptrace.app.intake.InputDocument;
import org.tiptrace.app.intake.IntakeReport;
import org.tiptrace.app.intake.IpEnrichment;
import org.tiptrace.app.intake.TipSteps;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.queue.LinkTriageStep;
import org.tiptrace.app.system.DatabaseSettings;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.system.UserAccount;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.ip.AttributionMode;
import org.tiptrace.synth.SyntheticDataSet;
import org.tiptrace.tip.AgencyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tiptrace demo}: synthetic tips in a fresh in-memory database, a demo user with a random
 * password, and the web app. Nothing is written to a real database: {@code --db-url} is refused.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Serve synthetic tips with a demo user (password printed).",
      "Generates the tips into a fresh in-memory database; --db-url is refused."
    })
final class DemoCommand implements Callable<Integer> {
  static final String DEMO_USER = "demo";
  static final String DEMO_PLATFORM = "demo-esp";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CliEnvironment env;

  @Spec CommandSpec spec = CommandSpec.create();

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default 8080).")
  int port;

  @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default 1).")
  long seed;

  @Option(names = "--count", defaultValue = "300", description = "Tips to generate (default 300).")
  int count;

  DemoCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    RootCommand root = RootCommand.of(spec);
    if (root.databaseGiven(env)) {
      throw new ParameterException(
          spec.commandLine(),
          "demo always uses a fresh in-memory database; remove --db-url / TIPTRACE_DB_URL");
    }
    if (count < 1 || count > 100_000) {
      throw new ParameterException(spec.commandLine(), "--count must be 1..100000, was " + count);
    }
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535, was " + port);
    }
    AgencyId agency = root.agency(env, spec);
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    DatabaseSettings settings =
        new DatabaseSettings(
            "jdbc:h2:mem:tiptrace-demo-" + HexFormat.of().formatHex(id) + ";DB_CLOSE_DELAY=-1",
            Optional.empty(),
            Optional.empty());

    try (TiptraceBackend backend = env.backends().open(settings)) {
      List<RawDocument> generated = SyntheticDataSet.documents(seed, count, env.clock().instant());
      List<InputDocument> documents =
          generated.stream().map(d -> InputDocument.inMemory(d.name(), d.bytes())).toList();
      BatchIntake batch =
          new BatchIntake(
              new Intake(backend.archive(), backend.tips(), env.readers(), env.intakeLimits()),
              env.clock(),
              TipSteps.of(
                  IpEnrichment.withoutData(
                      AttributionMode.SYNTHETIC_DATA,
                      backend.tips(),
                      backend.ipAssessments(),
                      env.clock()),
                  new LinkTriageStep(
                      LinkTriageService.of(
                          backend,
                          org.tiptrace.triage.HashVerdictSource.notChecked(),
                          org.tiptrace.triage.TriageRules.defaults(),
                          env.clock()))));
      IntakeReport report = batch.ingest(agency, documents, ParseMode.TOLERANT, (i, n, r) -> {});
      env.out()
          .println("Synthetic data set: seed " + seed + ", " + generated.size() + " documents");
      IntakePrinter.print(report, env.out());

      String password = newPassword();
      UserAccount demo =
          new UserAccount(
              DEMO_USER,
              PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password),
              agency,
              EnumSet.allOf(Role.class));
      env.out().println();
      env.out().println("Demo user: " + DEMO_USER);
      env.out().println("Password:  " + password);
      env.out().println("Agency:    " + agency);
      env.out().println("Open:      http://localhost:" + port + "/");

      // A reporting platform for the hotline API, handed to the app as a configuration file.
      String platformPassword = newPassword();
      Path platformConfig = Files.createTempFile("tiptrace-demo-hotline", ".properties");
      platformConfig.toFile().deleteOnExit();
      Files.writeString(
          platformConfig,
          "tiptrace.hotline.platforms[0].username="
              + DEMO_PLATFORM
              + "\ntiptrace.hotline.platforms[0].password-hash="
              + PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(platformPassword)
              + "\ntiptrace.hotline.platforms[0].agency="
              + agency
              + "\n",
          StandardCharsets.UTF_8);
      env.out().println();
      env.out().println("Hotline platform: " + DEMO_PLATFORM + " / " + platformPassword);
      env.out()
          .println(
              "Hotline API:      http://localhost:"
                  + port
                  + "/ispws (HTTP Basic, NCMEC's ESP API)");
      env.out().flush();
      env.web().serve(backend, List.of(demo), port, Optional.of(platformConfig));
    }
    return ExitCodes.OK;
  }

  /** 144 random bits, URL-safe. */
  static String newPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
