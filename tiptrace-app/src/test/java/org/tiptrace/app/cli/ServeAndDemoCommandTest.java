package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.system.UserAccount;
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.AgencyId;

class ServeAndDemoCommandTest {
  @TempDir Path dir;
  @AutoClose CliRun cli;

  @BeforeEach
  void cli() {
    cli = CliRun.on(TestBackend.H2, dir);
  }

  @Test
  void serveOpensTheConfiguredDatabaseAndServesWithoutExtraUsers() {

    CliRun.Result r = cli.run("--db-url", "jdbc:h2:mem:serve-test", "serve", "--port", "9090");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(cli.opened)
        .singleElement()
        .satisfies(s -> assertThat(s.url()).isEqualTo("jdbc:h2:mem:serve-test"));
    assertThat(cli.served)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.port()).isEqualTo(9090);
              assertThat(s.users()).isEmpty();
              assertThat(s.config()).isEmpty();
            });
    assertThat(cli.closeCount()).isEqualTo(1);
  }

  @Test
  void serveRejectsAMissingConfigFile() {
    CliRun.Result r = cli.run("serve", "--config", "/nonexistent/tiptrace.yml");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(cli.served).isEmpty();
  }

  @Test
  void demoUsesAFreshInMemoryDatabaseAndPrintsAWorkingPassword() {

    CliRun.Result r =
        cli.run("--agency", "DEMO-UNIT", "demo", "--port", "0", "--seed", "7", "--count", "25");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(cli.opened)
        .singleElement()
        .satisfies(s -> assertThat(s.url()).startsWith("jdbc:h2:mem:tiptrace-demo-"));
    assertThat(r.out())
        .contains("Synthetic data set: seed 7, 25 documents")
        .contains("Ingested 25 documents: 25 accepted")
        .contains("Demo hash sets (synthetic, hashes only): ");
    Matcher m = Pattern.compile("Password:\\s+(\\S+)").matcher(r.out());
    assertThat(m.find()).isTrue();
    String password = m.group(1);
    assertThat(password).hasSizeGreaterThanOrEqualTo(20);

    // The second factor: secret, otpauth URI and the command that prints a code, all printed.
    Matcher totp = Pattern.compile("TOTP:\\s+([A-Z2-7]{32})").matcher(r.out());
    assertThat(totp.find()).as(r.out()).isTrue();
    assertThat(r.out())
        .contains("otpauth://totp/Tiptrace:demo?secret=" + totp.group(1))
        .contains("tiptrace totp code --secret " + totp.group(1));
    CliRun.Result code = cli.run("totp", "code", "--secret", totp.group(1));
    assertThat(code.out().strip())
        .isEqualTo(
            new org.tiptrace.account.Totp(
                    java.time.Clock.fixed(
                        java.time.Instant.parse("2026-01-02T03:04:05Z"), java.time.ZoneOffset.UTC))
                .code(totp.group(1)));

    UserAccount demo = cli.served.get(0).users().get(0);
    assertThat(demo.username()).isEqualTo("demo");
    assertThat(demo.agency()).isEqualTo(new AgencyId("DEMO-UNIT"));
    assertThat(demo.roles()).containsExactlyInAnyOrder(Role.values());
    assertThat(demo.passwordHash()).startsWith("{argon2}").doesNotContain(password);
    assertThat(
            PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches(password, demo.passwordHash()))
        .isTrue();

    // The hotline platform's login is printed, and its hash reaches the app as configuration.
    Matcher platform = Pattern.compile("Hotline platform: demo-esp / (\\S+)").matcher(r.out());
    assertThat(platform.find()).as(r.out()).isTrue();
    java.nio.file.Path config = cli.served.get(0).config().orElseThrow();
    java.util.Properties props = new java.util.Properties();
    try (var in = java.nio.file.Files.newBufferedReader(config)) {
      props.load(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(props.getProperty("tiptrace.hotline.platforms[0].agency")).isEqualTo("DEMO-UNIT");
    assertThat(
            PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches(
                    platform.group(1),
                    props.getProperty("tiptrace.hotline.platforms[0].password-hash")))
        .isTrue();
  }

  @Test
  void demoAssessesWithSyntheticIpDataWhenNoneIsInstalled() {
    CliRun.Result r = cli.run("demo", "--port", "0", "--count", "5");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("IP data: synthetic demo sets demo-ip-asn, demo-ip-city");
    CliRun.Served s = cli.served.get(0);
    assertThat(s.ipDataSets()).containsExactly("demo-ip-asn", "demo-ip-city");
    assertThat(s.firstTipDataSets().orElseThrow())
        .startsWith("mode SYNTHETIC_DATA; data sets installed demo-ip-asn (csv csv:ASN");
  }

  @Test
  void demoCopiesTheIpDataInstalledInTheDataFolder() throws java.io.IOException {
    Path csv = dir.resolve("agency-asn.csv");
    java.nio.file.Files.writeString(
        csv, "198.51.100.0,198.51.100.255,64497,Example Mobile Wireless\n");
    assertThat(cli.run("ipdata", "import-csv", csv.toString()).exitCode()).isZero();

    CliRun.Result r = cli.run("demo", "--port", "0", "--count", "5");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("IP data: 1 set(s) installed in").contains("(agency-asn)");
    CliRun.Served s = cli.served.get(0);
    assertThat(s.ipDataSets()).containsExactly("agency-asn");
    assertThat(s.firstTipDataSets().orElseThrow()).contains("installed agency-asn (csv csv:ASN");
  }

  @Test
  void demoPasswordsDiffer() {
    assertThat(DemoCommand.newPassword()).isNotEqualTo(DemoCommand.newPassword());
  }

  @Test
  void demoRefusesARealDatabase() {
    cli.env(Map.of("TIPTRACE_DB_URL", "jdbc:postgresql://db.example.com/t"));
    CliRun.Result r = cli.run("demo");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("fresh in-memory database");
    assertThat(cli.opened).isEmpty();
  }

  @Test
  void noSubcommandShowsUsage() {
    CliRun.Result r = cli.run();
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("ingest").contains("tips").contains("serve").contains("demo");
    assertThat(r.err()).contains("Exit codes:");
  }
}
