package org.tiptrace.store.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.account.Account;
import org.tiptrace.account.AccountRepository;
import org.tiptrace.account.ApiToken;
import org.tiptrace.account.NewAccount;
import org.tiptrace.account.TotpSecretCipher;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.tip.AgencyId;

class JdbcAccountRepositoryTest {
  private static final AgencyId A = new AgencyId("ICAC-A");
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456789Z");
  private static final String SHA =
      "a3f1c9b0d2e4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f";

  private static AccountRepository repo(TestDatabase db) {
    return new JdbcAccountRepository(
        db.database().dataSource(),
        new TotpSecretCipher(TotpSecretCipher.newKey(), List.of(), "test key"));
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aCreatedUserReadsBackIgnoringCaseAndANameIsTakenOnce(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      AccountRepository repo = repo(db);
      NewAccount alice = new NewAccount("Alice", "{argon2}$x", A, Set.of("ANALYST", "SUPERVISOR"));

      assertThat(repo.create(alice, T0)).isTrue();
      assertThat(repo.create(new NewAccount("ALICE", "{bcrypt}y", A, Set.of("ANALYST")), T0))
          .isFalse();

      Account read = repo.find("alice").orElseThrow();
      assertThat(read.username()).isEqualTo("Alice");
      assertThat(read.passwordHash()).isEqualTo("{argon2}$x");
      assertThat(read.agency()).isEqualTo(A);
      assertThat(read.roles()).containsExactlyInAnyOrder("ANALYST", "SUPERVISOR");
      assertThat(read.enabled()).isTrue();
      assertThat(read.totpSecret()).isEmpty();
      assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00.123456Z"));
      assertThat(repo.agencies()).containsExactly(A);
      assertThat(repo.list()).extracting(Account::username).containsExactly("Alice");
      assertThat(repo.find("nobody")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void disableTotpAndFailureCounters(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      AccountRepository repo = repo(db);
      repo.create(new NewAccount("bob", "{bcrypt}h", A, Set.of("ANALYST")), T0);

      assertThat(repo.setEnabled("BOB", false)).isTrue();
      assertThat(repo.find("bob").orElseThrow().enabled()).isFalse();
      assertThat(repo.setEnabled("nobody", false)).isFalse();

      repo.setTotpSecret("bob", Optional.of("JBSWY3DPEHPK3PXP"));
      Account enrolled = repo.find("bob").orElseThrow();
      assertThat(enrolled.totpSecret()).contains("JBSWY3DPEHPK3PXP");
      assertThat(enrolled.toString()).doesNotContain("JBSWY3DPEHPK3PXP");

      assertThat(repo.useTotpStep("bob", 100)).isTrue();
      assertThat(repo.useTotpStep("bob", 100)).as("replay of the same step").isFalse();
      assertThat(repo.useTotpStep("bob", 99)).as("an earlier step").isFalse();
      assertThat(repo.useTotpStep("bob", 101)).isTrue();

      repo.recordFailedLogin("bob", T0);
      repo.recordFailedLogin("bob", T0.plusSeconds(5));
      Account failed = repo.find("bob").orElseThrow();
      assertThat(failed.failedLogins()).isEqualTo(2);
      assertThat(failed.lastFailedLogin()).contains(Instant.parse("2026-03-01T08:00:05.123456Z"));
      repo.recordSuccessfulLogin("bob");
      assertThat(repo.find("bob").orElseThrow().failedLogins()).isZero();

      repo.setTotpSecret("bob", Optional.empty());
      assertThat(repo.find("bob").orElseThrow().totpSecret()).isEmpty();
      assertThat(repo.find("bob").orElseThrow().totpLastStep()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void tokensAreKeptAsDigestsAndCanBeRevokedOnlyByTheirOwner(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      AccountRepository repo = repo(db);
      repo.create(new NewAccount("carol", "{bcrypt}h", A, Set.of("INTAKE")), T0);
      repo.create(new NewAccount("dave", "{bcrypt}h", A, Set.of("INTAKE")), T0);

      ApiToken token = repo.addToken("Carol", "scanner", SHA, T0, T0.plus(Duration.ofDays(90)));
      assertThat(token.username()).isEqualTo("carol");
      assertThat(token.sha256()).isEqualTo(SHA);
      assertThat(token.activeAt(T0.plusSeconds(1))).isTrue();
      assertThat(token.activeAt(T0.plus(Duration.ofDays(90)))).as("expired").isFalse();
      assertThat(repo.findToken(SHA)).contains(token);
      assertThat(repo.tokens("carol")).containsExactly(token);
      assertThat(repo.tokens("dave")).isEmpty();

      repo.tokenUsed(token.id(), T0.plusSeconds(60));
      assertThat(repo.findToken(SHA).orElseThrow().lastUsedAt())
          .contains(T0.plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MICROS));

      assertThat(repo.revokeToken("dave", token.id(), T0)).as("not dave's").isFalse();
      assertThat(repo.revokeToken("carol", token.id(), T0.plusSeconds(120))).isTrue();
      assertThat(repo.revokeToken("carol", token.id(), T0.plusSeconds(180)))
          .as("already revoked")
          .isFalse();
      assertThat(repo.findToken(SHA).orElseThrow().activeAt(T0.plusSeconds(121))).isFalse();
    }
  }
}
