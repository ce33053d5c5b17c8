package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.account.OidcLink;
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.AgencyId;

class OidcLinkCommandsTest {
  private static final String IDP = "https://idp.example.org/realms/icac";

  @TempDir Path dir;
  @AutoClose CliRun cli;

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void linkOidcLinksOnceRefusesATakenIdentityAndUnlinks(TestBackend backend) {
    cli = CliRun.on(backend, dir);
    assertThat(
            cli.run("--agency", "ICAC-A", "users", "add", "Gail", "--role", "ANALYST").exitCode())
        .isZero();
    assertThat(
            cli.run("--agency", "ICAC-A", "users", "add", "hank", "--role", "ANALYST").exitCode())
        .isZero();

    CliRun.Result linked =
        cli.run("users", "link-oidc", "gail", "--issuer", IDP, "--subject", "248289761001");
    assertThat(linked.exitCode()).as(linked.err()).isZero();
    assertThat(linked.out()).contains("Gail: linked to " + IDP + " subject 248289761001");
    OidcLink link = cli.database().oidcLinks().find(IDP, "248289761001").orElseThrow();
    assertThat(link.username()).isEqualTo("Gail");
    assertThat(link.linkedBy()).startsWith("cli:");

    assertThat(
            cli.run("users", "link-oidc", "gail", "--issuer", IDP, "--subject", "248289761001")
                .out())
        .contains("already linked");
    CliRun.Result taken =
        cli.run("users", "link-oidc", "hank", "--issuer", IDP, "--subject", "248289761001");
    assertThat(taken.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(taken.err()).contains("already opens another account");
    CliRun.Result second =
        cli.run("users", "link-oidc", "gail", "--issuer", IDP, "--subject", "other");
    assertThat(second.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(second.err()).contains("unlink-oidc Gail --issuer " + IDP);
    assertThat(
            cli.run("users", "link-oidc", "nobody", "--issuer", IDP, "--subject", "x").exitCode())
        .isEqualTo(ExitCodes.NOT_ACCEPTED);
    CliRun.Result blank = cli.run("users", "link-oidc", "gail", "--issuer", IDP, "--subject", " ");
    assertThat(blank.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(blank.err()).contains("--issuer/--subject: subject must be 1-255 characters");

    assertThat(cli.run("users", "unlink-oidc", "gail", "--issuer", IDP).exitCode()).isZero();
    assertThat(cli.database().oidcLinks().find(IDP, "248289761001")).isEmpty();
    assertThat(cli.run("users", "unlink-oidc", "gail", "--issuer", IDP).exitCode())
        .isEqualTo(ExitCodes.NOT_ACCEPTED);

    List<AuditEntry> entries = cli.database().auditLog().read(0, 1000);
    assertThat(entries)
        .filteredOn(e -> e.action() == AuditAction.OIDC_LINKED)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.subjectId()).isEqualTo("Gail");
              assertThat(e.agency()).contains(new AgencyId("ICAC-A"));
              assertThat(e.detail()).isEqualTo("issuer=" + IDP + ", subject=248289761001");
            });
    assertThat(entries).filteredOn(e -> e.action() == AuditAction.OIDC_UNLINKED).hasSize(1);
  }
}
