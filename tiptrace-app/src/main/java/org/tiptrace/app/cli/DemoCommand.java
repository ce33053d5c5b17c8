package org.tiptrace.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.tiptrace.account.NewAccount;
import org.tiptrace.account.Totp;
import org.tiptrace.app.intake.BatchIntake;
import org.tiptrace.app.intake.InputDocument;
import org.tiptrace.app.intake.IntakeReport;
import org.tiptrace.app.intake.IpEnrichment;
import org.tiptrace.app.ip.InstalledIpData;
import org.tiptrace.app.system.DatabaseSettings;
import org.tiptrace.app.system.PasswordHashes;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.system.UserAccount;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.ip.AttributionMode;
import org.tiptrace.ip.InstalledDataSet;
import org.tiptrace.ip.IpDataKind;
import org.tiptrace.ip.IpDataRepository;
import org.tiptrace.ip.IpDataSets;
import org.tiptrace.ip.JurisdictionTable;
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
      "Serve synthetic tips with a demo user (password and TOTP secret printed).",
      "Generates the tips into a fresh in-memory database; --db-url is refused."
    })
final class DemoCommand implements Callable<Integer> {
  static final String DEMO_USER = "demo";
  static final String DEMO_PLATFORM = "demo-esp";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Instant SYNTHETIC_DATA_DATE = Instant.parse("2026-11-22T00:00:00Z");

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
      // SyntheticDataSet's documents, with a few files reporting the demo photos' real hashes.
      DemoEvidence.Plan plan = DemoEvidence.plan(seed, count, env.clock().instant());
      List<RawDocument> generated = plan.documents();
      List<InputDocument> documents =
          generated.stream().map(d -> InputDocument.inMemory(d.name(), d.bytes())).toList();
      env.out().println(installIpData(root.dataDir(env), backend.ipData()));
      BatchIntake batch =
          new BatchIntake(
              new Intake(backend.archive(), backend.tips(), env.readers(), env.intakeLimits()),
              env.clock(),
              CliTipSteps.of(
                  new IpEnrichment(
                      new InstalledIpData(
                          backend.ipData(),
                          AttributionMode.SYNTHETIC_DATA,
                          JurisdictionTable.bundled(),
                          env.clock()),
                      backend.tips(),
                      backend.ipAssessments(),
                      env.clock()),
                  backend,
                  env.clock()));
      IntakeReport report = batch.ingest(agency, documents, ParseMode.TOLERANT, (i, n, r) -> {});
      DemoHashSet.Loaded demoSet = DemoHashSet.load(backend, env.clock());
      env.out()
          .println("Synthetic data set: seed " + seed + ", " + generated.size() + " documents");
      IntakePrinter.print(report, env.out());
      env.out().println(demoSet.describe());
      env.out().println();
      env.out().println("Demo evidence (benign test photos):");
      for (DemoEvidence.Attached a :
          DemoEvidence.attach(backend, agency, plan.photos(), env.clock())) {
        env.out()
            .println(
                "  tip "
                    + a.tip().id()
                    + " file "
                    + a.file().ref()
                    + ": "
                    + a.photo()
                    + (a.viewable()
                        ? " (viewable: the ESP viewed it)"
                        : " (blocked until a warrant lists it)"));
      }

      String password = newPassword();
      UserAccount demo =
          new UserAccount(
              DEMO_USER, PasswordHashes.argon2(password), agency, EnumSet.allOf(Role.class));
      // The demo user is created here, with a second factor, so the printed text alone suffices
      // to log in; the web app's seeding then finds it present.
      String totpSecret = Totp.newSecret();
      backend
          .accounts()
          .create(
              new NewAccount(
                  demo.username(),
                  demo.passwordHash(),
                  agency,
                  demo.roles().stream().map(Role::name).collect(Collectors.toSet())),
              env.clock().instant());
      backend.accounts().setTotpSecret(DEMO_USER, Optional.of(totpSecret));
      env.out().println();
      env.out().println("Demo user: " + DEMO_USER);
      env.out().println("Password:  " + password);
      env.out().println("Agency:    " + agency);
      env.out().println("TOTP:      " + totpSecret + "  (second login step)");
      env.out().println("           " + Totp.uri("Tiptrace", DEMO_USER, totpSecret));
      env.out()
          .println(
              "           no authenticator app? 'tiptrace totp code --secret "
                  + totpSecret
                  + "' prints the current code");
      env.out().println("Open:      http://localhost:" + port + "/login");

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
              // the synthetic tips use documentation ranges: the app's intake must accept them
              + "\ntiptrace.ip.synthetic=true\n",
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

  /**
   * The demo's IP data: the sets installed in the data directory's database when there is one
   * (copied, never changed), else two small synthetic sets of documentation ranges with fictional
   * ISPs (ASNs 64496-64500) and locations.
   *
   * @return one line saying which
   */
  String installIpData(Path dataDir, IpDataRepository demo) throws IOException {
    Path defaultDb = dataDir.resolve("tiptrace.mv.db");
    if (Files.isRegularFile(defaultDb)) {
      try (TiptraceBackend installed =
          env.backends().open(TiptraceBackend.defaultSettings(dataDir))) {
        List<InstalledDataSet> sets = installed.ipData().list();
        if (!sets.isEmpty()) {
          for (InstalledDataSet set : sets) {
            demo.install(set, installed.ipData().bytes(set.name()).orElseThrow());
          }
          return "IP data: "
              + sets.size()
              + " set(s) installed in "
              + dataDir
              + " ("
              + String.join(", ", sets.stream().map(InstalledDataSet::name).toList())
              + ")";
        }
      }
    }
    for (String name : List.of("demo-ip-asn", "demo-ip-city")) {
      byte[] bytes;
      try (InputStream in =
          Objects.requireNonNull(
              DemoCommand.class.getResourceAsStream(name + ".csv"), "missing resource " + name)) {
        bytes = in.readAllBytes();
      }
      try {
        demo.install(
            IpDataSets.validate(
                IpDataKind.CSV,
                name,
                name + ".csv",
                bytes,
                SYNTHETIC_DATA_DATE,
                Optional.empty(),
                env.clock().instant()),
            bytes);
      } catch (IpDataSets.InvalidDataFile e) {
        throw new IllegalStateException("bundled demo data: " + e.getMessage(), e);
      }
    }
    return "IP data: synthetic demo sets demo-ip-asn, demo-ip-city (none installed in "
        + dataDir
        + ")";
  }

  /** 144 random bits, URL-safe. */
  static String newPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
