package org.tiptrace.store.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.account.Agency;
import org.tiptrace.account.LoginFailures;
import org.tiptrace.account.NewAccount;
import org.tiptrace.account.Totp;
import org.tiptrace.account.TotpSecretCipher;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.tip.AgencyId;

/** V10: TOTP secrets sealed at rest, agencies renamed, roles and passwords replaced, throttle. */
class SealedTotpAndLoginFailuresTest {
  private static final AgencyId A = new AgencyId("ICAC-A");
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  /** A Base32 TOTP secret of 16+ characters anywhere in a value. */
  private static final Pattern BASE32_SECRET = Pattern.compile("[A-Z2-7]{16,}");

  private static final byte[] KEY_1 = key(1);
  private static final byte[] KEY_2 = key(2);

  private static byte[] key(int fill) {
    byte[] k = new byte[TotpSecretCipher.KEY_BYTES];
    java.util.Arrays.fill(k, (byte) fill);
    return k;
  }

  private static TotpSecretCipher cipher(byte[] current, byte[]... earlier) {
    return new TotpSecretCipher(current, List.of(earlier), "secret.key");
  }

  private static String column(DataSource ds, String user) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT totp_secret FROM account_user WHERE username_key = ?")) {
      ps.setString(1, user);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static void writeColumn(DataSource ds, String user, String value) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE account_user SET totp_secret = ? WHERE username_key = ?")) {
      ps.setString(1, value);
      ps.setString(2, user);
      ps.executeUpdate();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void theColumnHoldsNoBase32SecretAndTheSecretReadsBack(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      DataSource ds = db.database().dataSource();
      JdbcAccountRepository repo = new JdbcAccountRepository(ds, cipher(KEY_1));
      repo.create(new NewAccount("Erin", "{bcrypt}h", A, Set.of("ANALYST")), T0);
      String secret = Totp.newSecret();

      repo.setTotpSecret("erin", Optional.of(secret));

      String stored = column(ds, "erin");
      assertThat(stored).startsWith("tt1:" + TotpSecretCipher.keyId(KEY_1) + ":");
      assertThat(stored).doesNotContain(secret);
      assertThat(BASE32_SECRET.matcher(stored).find()).as(stored).isFalse();
      assertThat(repo.find("ERIN").orElseThrow().totpSecret()).contains(secret);
      repo.setTotpSecret("erin", Optional.of(secret));
      assertThat(column(ds, "erin")).as("a fresh nonce each time").isNotEqualTo(stored);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void plaintextFromBeforeIsSealedOnStartAndAnEarlierKeyIsRotated(TestBackend backend)
      throws Exception {
    try (TestDatabase db = backend.open()) {
      DataSource ds = db.database().dataSource();
      JdbcAccountRepository old = new JdbcAccountRepository(ds, cipher(KEY_1));
      old.create(new NewAccount("fay", "{bcrypt}h", A, Set.of("ANALYST")), T0);
      old.create(new NewAccount("gus", "{bcrypt}h", A, Set.of("ANALYST")), T0);
      old.create(new NewAccount("hal", "{bcrypt}h", A, Set.of("ANALYST")), T0);
      writeColumn(ds, "fay", "JBSWY3DPEHPK3PXP"); // as V7 stored it
      old.setTotpSecret("gus", Optional.of("KRSXG5CTMVRXEZLU")); // sealed with key 1

      JdbcAccountRepository rotated = new JdbcAccountRepository(ds, cipher(KEY_2, KEY_1));
      assertThat(rotated.sealStoredSecrets()).isEqualTo(2);
      assertThat(rotated.sealStoredSecrets()).as("nothing left to seal").isZero();

      String key2 = "tt1:" + TotpSecretCipher.keyId(KEY_2) + ":";
      assertThat(column(ds, "fay")).startsWith(key2);
      assertThat(column(ds, "gus")).startsWith(key2);
      assertThat(column(ds, "hal")).isNull();
      assertThat(rotated.find("fay").orElseThrow().totpSecret()).contains("JBSWY3DPEHPK3PXP");
      assertThat(rotated.find("gus").orElseThrow().totpSecret()).contains("KRSXG5CTMVRXEZLU");
      // Without the earlier key the rotated values still open with the current one alone.
      assertThat(
              new JdbcAccountRepository(ds, cipher(KEY_2)).find("gus").orElseThrow().totpSecret())
          .contains("KRSXG5CTMVRXEZLU");
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aWrongKeyIsAClearErrorNotASilentMismatch(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      DataSource ds = db.database().dataSource();
      new JdbcAccountRepository(ds, cipher(KEY_1))
          .create(new NewAccount("ida", "{bcrypt}h", A, Set.of("ANALYST")), T0);
      new JdbcAccountRepository(ds, cipher(KEY_1))
          .setTotpSecret("ida", Optional.of("JBSWY3DPEHPK3PXP"));
      JdbcAccountRepository wrong = new JdbcAccountRepository(ds, cipher(KEY_2));

      assertThatThrownBy(() -> wrong.find("ida"))
          .isInstanceOf(TotpSecretCipher.SecretKeyException.class)
          .hasMessageContaining("user 'ida'")
          .hasMessageContaining(TotpSecretCipher.keyId(KEY_1))
          .hasMessageContaining("secret.key holds " + TotpSecretCipher.keyId(KEY_2));
      assertThatThrownBy(wrong::sealStoredSecrets)
          .isInstanceOf(TotpSecretCipher.SecretKeyException.class);

      // A sealed value moved to another account fails its tag (the user key is associated data).
      JdbcAccountRepository right = new JdbcAccountRepository(ds, cipher(KEY_1));
      right.create(new NewAccount("jo", "{bcrypt}h", A, Set.of("ANALYST")), T0);
      writeColumn(ds, "jo", column(ds, "ida"));
      assertThatThrownBy(() -> right.find("jo"))
          .isInstanceOf(TotpSecretCipher.SecretKeyException.class)
          .hasMessageContaining("authentication tag");
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void agenciesRenameAndUsersGetNewRolesAndPasswords(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      JdbcAccountRepository repo =
          new JdbcAccountRepository(db.database().dataSource(), cipher(KEY_1));
      repo.addAgency(A, "Agency A", T0);
      repo.create(new NewAccount("kim", "{bcrypt}h", A, Set.of("ANALYST")), T0);

      assertThat(repo.renameAgency(A, "Agency A (north)")).isTrue();
      assertThat(repo.renameAgency(new AgencyId("NOPE"), "x")).isFalse();
      assertThat(repo.agencyList()).containsExactly(new Agency(A, "Agency A (north)", T0));

      assertThat(repo.setRoles("KIM", Set.of("INVESTIGATOR", "ANALYST"))).isTrue();
      assertThat(repo.find("kim").orElseThrow().roles())
          .containsExactlyInAnyOrder("ANALYST", "INVESTIGATOR");
      assertThatThrownBy(() -> repo.setRoles("kim", Set.of()))
          .hasMessageContaining("at least one role");
      assertThat(repo.setPasswordHash("kim", "{argon2}new")).isTrue();
      assertThat(repo.find("kim").orElseThrow().passwordHash()).isEqualTo("{argon2}new");
      assertThat(repo.setPasswordHash("nobody", "{argon2}new")).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void failuresCountAcrossRepositoriesOnOneDatabaseAndAreForgotten(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      LoginFailures one = new JdbcLoginFailures(db.database().dataSource());
      LoginFailures two = new JdbcLoginFailures(db.database().dataSource());
      Instant never = Instant.EPOCH;

      assertThat(one.add("user:lee", T0, never).failures()).isEqualTo(1);
      assertThat(two.add("user:lee", T0.plusSeconds(1), never).failures()).isEqualTo(2);
      assertThat(one.find("user:lee")).contains(new LoginFailures.Count(2, T0.plusSeconds(1)));
      assertThat(two.add("user:lee", T0.plusSeconds(100), T0.plusSeconds(1)).failures())
          .as("the last failure is forgotten: the count restarts")
          .isEqualTo(1);

      one.add("addr:192.0.2.5", T0, never);
      two.clear("user:lee");
      assertThat(one.find("user:lee")).isEmpty();
      assertThat(one.purge(T0)).isEqualTo(1);
      assertThat(two.find("addr:192.0.2.5")).isEmpty();
    }
  }
}
