package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.tiptrace.account.Account;
import org.tiptrace.account.ApiToken;
import org.tiptrace.app.system.ApiTokens;
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.AgencyId;

class AccountCommandsTest {
  @TempDir Path dir;
  @AutoClose CliRun cli;

  private CliRun cli(TestBackend backend) {
    cli = CliRun.on(backend, dir);
    return cli;
  }

  private java.util.List<AuditAction> auditActions() {
    return cli.database().auditLog().read(0, 1000).stream().map(AuditEntry::action).toList();
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void usersAddListDisableAndTotpReset(TestBackend backend) {
    CliRun cli = cli(backend);
    CliRun.Result added =
        cli.run("--agency", "ICAC-A", "users", "add", "Erin", "--role", "investigator,prosecutor");
    assertThat(added.exitCode()).as(added.err()).isZero();
    Matcher m = Pattern.compile("Password: (\\S+)").matcher(added.out());
    assertThat(m.find()).as(added.out()).isTrue();

    Account erin = cli.database().accounts().find("erin").orElseThrow();
    assertThat(erin.agency()).isEqualTo(new AgencyId("ICAC-A"));
    assertThat(erin.roles()).containsExactlyInAnyOrder("INVESTIGATOR", "PROSECUTOR");
    assertThat(erin.passwordHash()).startsWith("{argon2}").doesNotContain(m.group(1));
    assertThat(
            PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches(m.group(1), erin.passwordHash()))
        .isTrue();

    assertThat(cli.run("users", "add", "erin", "--role", "ANALYST").exitCode())
        .as("the name is taken, whatever the case")
        .isEqualTo(ExitCodes.NOT_ACCEPTED);
    CliRun.Result badRole = cli.run("users", "add", "frank", "--role", "ROOT");
    assertThat(badRole.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badRole.err()).contains("unknown role 'ROOT'");

    cli.database().accounts().setTotpSecret("erin", Optional.of("JBSWY3DPEHPK3PXP"));
    CliRun.Result list = cli.run("users", "list");
    assertThat(list.out())
        .contains("Erin\tICAC-A\tINVESTIGATOR,PROSECUTOR\tyes\tenrolled\t0")
        .doesNotContain("JBSWY3DPEHPK3PXP")
        .doesNotContain("argon2");

    assertThat(cli.run("users", "disable", "erin").exitCode()).isZero();
    assertThat(cli.database().accounts().find("erin").orElseThrow().enabled()).isFalse();
    assertThat(cli.run("users", "totp-reset", "erin").exitCode()).isZero();
    assertThat(cli.database().accounts().find("erin").orElseThrow().totpSecret()).isEmpty();
    assertThat(cli.run("users", "disable", "nobody").exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);

    assertThat(auditActions())
        .containsSubsequence(
            AuditAction.USER_ADDED, AuditAction.USER_DISABLED, AuditAction.TOTP_RESET);
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aPasswordCanComeFromTheEnvironment(TestBackend backend) {
    CliRun cli = cli(backend).env(Map.of("NEW_PW", "correct horse battery"));
    CliRun.Result r =
        cli.run("users", "add", "gwen", "--role", "ANALYST", "--password-env", "NEW_PW");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("Password:");
    assertThat(
            PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches(
                    "correct horse battery",
                    cli.database().accounts().find("gwen").orElseThrow().passwordHash()))
        .isTrue();
    assertThat(cli.run("users", "add", "hal", "--role", "ANALYST", "--password-env", "UNSET").err())
        .contains("UNSET is unset or shorter than 12 characters");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void tokensAreShownOnceStoredAsDigestsListedAndRevoked(TestBackend backend) {
    CliRun cli = cli(backend);
    cli.run("users", "add", "scanner", "--role", "INTAKE");
    CliRun.Result created =
        cli.run("tokens", "create", "--user", "scanner", "--label", "mail gateway", "--days", "30");
    assertThat(created.exitCode()).as(created.err()).isZero();
    Matcher m = Pattern.compile("Token: (tt_\\S+)").matcher(created.out());
    assertThat(m.find()).as(created.out()).isTrue();
    String token = m.group(1);

    ApiToken stored = cli.database().accounts().tokens("scanner").get(0);
    assertThat(stored.sha256()).isEqualTo(ApiTokens.digest(token)).doesNotContain(token);
    assertThat(stored.expiresAt()).isEqualTo(java.time.Instant.parse("2026-02-01T03:04:05Z"));

    CliRun.Result list = cli.run("tokens", "list", "--user", "scanner");
    assertThat(list.out())
        .contains(stored.id() + "\tmail gateway\t")
        .contains("\tactive\t")
        .doesNotContain(token);

    assertThat(
            cli.run("tokens", "revoke", "--user", "scanner", Long.toString(stored.id())).exitCode())
        .isZero();
    assertThat(cli.run("tokens", "list", "--user", "scanner").out()).contains("\trevoked\t");
    assertThat(
            cli.run("tokens", "revoke", "--user", "scanner", Long.toString(stored.id())).exitCode())
        .isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(cli.run("tokens", "create", "--user", "nobody").exitCode())
        .isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(cli.run("tokens", "create", "--user", "scanner", "--days", "0").exitCode())
        .isEqualTo(ExitCodes.USAGE);

    assertThat(auditActions())
        .containsSubsequence(AuditAction.TOKEN_CREATED, AuditAction.TOKEN_REVOKED);
  }

  @ParameterizedTest
  @EnumSource(value = TestBackend.class, names = "H2")
  void totpCodePrintsTheRfcCodeForTheClockAndNamesABadSecret(TestBackend backend) {
    CliRun cli = cli(backend);
    // RFC 6238's SHA-1 seed "12345678901234567890" in Base32; the CLI's clock is fixed.
    String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    CliRun.Result r = cli.run("totp", "code", "--secret", secret);
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().strip())
        .isEqualTo(
            new org.tiptrace.account.Totp(
                    java.time.Clock.fixed(
                        java.time.Instant.parse("2026-01-02T03:04:05Z"), java.time.ZoneOffset.UTC))
                .code(secret))
        .matches("[0-9]{6}");
    CliRun.Result bad = cli.run("totp", "code", "--secret", "NOT-BASE32!");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--secret: not Base32");
  }
}
