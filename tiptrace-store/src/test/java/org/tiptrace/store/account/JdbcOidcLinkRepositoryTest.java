package org.tiptrace.store.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.account.NewAccount;
import org.tiptrace.account.OidcLink;
import org.tiptrace.account.OidcLinkRepository;
import org.tiptrace.account.OidcLinkRepository.LinkOutcome;
import org.tiptrace.account.TotpSecretCipher;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.tip.AgencyId;

class JdbcOidcLinkRepositoryTest {
  private static final AgencyId A = new AgencyId("ICAC-A");
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456789Z");
  private static final String IDP = "https://idp.example.org/realms/icac";
  private static final String OTHER_IDP = "https://login.example.net";

  private static OidcLink link(String issuer, String subject, String user) {
    return new OidcLink(issuer, subject, user, T0, "cli:test");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void anIdentityOpensOneAccountAndAnAccountHasOneIdentityPerIssuer(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      JdbcAccountRepository accounts =
          new JdbcAccountRepository(
              db.database().dataSource(),
              new TotpSecretCipher(TotpSecretCipher.newKey(), List.of(), "test key"));
      accounts.create(new NewAccount("Alice", "{argon2}$x", A, Set.of("ANALYST")), T0);
      accounts.create(new NewAccount("carol", "{argon2}$y", A, Set.of("INTAKE")), T0);
      OidcLinkRepository links = new JdbcOidcLinkRepository(db.database().dataSource());

      assertThat(links.link(link(IDP, "sub-1", "alice"))).isEqualTo(LinkOutcome.LINKED);
      assertThat(links.link(link(IDP, "sub-1", "ALICE"))).isEqualTo(LinkOutcome.ALREADY_LINKED);
      assertThat(links.link(link(IDP, "sub-1", "carol"))).isEqualTo(LinkOutcome.IDENTITY_TAKEN);
      assertThat(links.link(link(IDP, "sub-2", "alice")))
          .isEqualTo(LinkOutcome.ACCOUNT_HAS_OTHER_SUBJECT);
      assertThat(links.link(link(OTHER_IDP, "sub-1", "alice"))).isEqualTo(LinkOutcome.LINKED);
      assertThat(links.link(link(IDP, "sub-9", "nobody"))).isEqualTo(LinkOutcome.NO_SUCH_ACCOUNT);

      OidcLink read = links.find(IDP, "sub-1").orElseThrow();
      assertThat(read.username()).isEqualTo("Alice");
      assertThat(read.linkedAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00.123456Z"));
      assertThat(read.linkedBy()).isEqualTo("cli:test");
      assertThat(links.find(IDP, "SUB-1")).as("subjects are compared exactly").isEmpty();
      assertThat(links.find(OTHER_IDP + "/", "sub-1")).as("issuers are compared exactly").isEmpty();
      assertThat(links.links("alice")).extracting(OidcLink::issuer).containsExactly(IDP, OTHER_IDP);

      assertThat(links.unlink("alice", IDP)).isTrue();
      assertThat(links.unlink("alice", IDP)).isFalse();
      assertThat(links.find(IDP, "sub-1")).isEmpty();
      assertThat(links.link(link(IDP, "sub-1", "carol"))).isEqualTo(LinkOutcome.LINKED);
    }
  }
}
