package org.tiptrace.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrace.account.NewAccount;
import org.tiptrace.account.Totp;
import org.tiptrace.account.TotpSecretCipher;
import org.tiptrace.app.testing.InMemoryBackend;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.tip.AgencyId;

/**
 * TOTP secrets at rest (decision 0016): the column holds a sealed value, never the Base32 secret,
 * and the two-step login still works; the data directory's key is generated owner-only; a plaintext
 * secret from before V10 is sealed on start; a wrong key stops the start with a clear message.
 */
class SealedTotpSecretsTest extends WebTest {
  private static final Pattern BASE32_SECRET = Pattern.compile("[A-Z2-7]{16,}");
  private static final AgencyId A = new AgencyId("ICAC-A");

  private static String column(DatabaseSettings db, String user) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(db.url(), db.user().orElse(""), db.password().orElse(""));
        PreparedStatement ps =
            c.prepareStatement("SELECT totp_secret FROM account_user WHERE username_key = ?")) {
      ps.setString(1, user);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "(no row)";
      }
    }
  }

  private static void writeColumn(DatabaseSettings db, String user, String value)
      throws SQLException {
    try (Connection c =
            DriverManager.getConnection(db.url(), db.user().orElse(""), db.password().orElse(""));
        PreparedStatement ps =
            c.prepareStatement("UPDATE account_user SET totp_secret = ? WHERE username_key = ?")) {
      ps.setString(1, value);
      ps.setString(2, user);
      ps.executeUpdate();
    }
  }

  @Test
  void theColumnHoldsNoBase32SecretAndTheTwoStepLoginStillWorks() throws Exception {
    TestAccounts.ensure(backend, "sealy", A, Role.ANALYST);
    String secret = Totp.newSecret();
    backend.accounts().setTotpSecret("sealy", Optional.of(secret));

    String stored = column(((InMemoryBackend) backend).settings(), "sealy");
    assertThat(stored).startsWith(TotpSecretCipher.PREFIX).doesNotContain(secret);
    assertThat(BASE32_SECRET.matcher(stored).find()).as(stored).isFalse();

    HttpClient c = client();
    String token = csrfToken(c, "/login");
    HttpResponse<String> password =
        send(c, formPost("/login", "sealy", TestAccounts.password("sealy"), Optional.of(token)));
    assertThat(password.headers().firstValue("Location").orElse("")).endsWith("/login/totp");
    String totpToken = csrfToken(c, "/login/totp");
    String form =
        "code="
            + new Totp(Clock.systemUTC()).code(secret)
            + "&_csrf="
            + URLEncoder.encode(totpToken, StandardCharsets.UTF_8);
    HttpResponse<String> code =
        send(
            c,
            request("/login/totp")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    assertThat(code.headers().firstValue("Location").orElse("")).endsWith("/queue");
  }

  @Test
  void theDataDirectoryKeyIsGeneratedOwnerOnlyPlaintextIsSealedAndAWrongKeyStopsTheStart(
      @TempDir Path dataDir) throws Exception {
    DatabaseSettings settings = TiptraceBackend.defaultSettings(dataDir);
    Path keyFile = dataDir.resolve("secret.key");
    try (TiptraceBackend first = TiptraceBackend.open(settings)) {
      first
          .accounts()
          .create(new NewAccount("vera", "{bcrypt}x", A, Set.of("ANALYST")), Instant.EPOCH);
      first.accounts().setTotpSecret("vera", Optional.of("JBSWY3DPEHPK3PXP"));
      writeColumn(settings, "vera", "JBSWY3DPEHPK3PXP"); // as a database from before V10 holds it
    }
    assertThat(Files.exists(keyFile)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");

    try (TiptraceBackend again = TiptraceBackend.open(settings)) {
      assertThat(column(settings, "vera")).startsWith(TotpSecretCipher.PREFIX);
      assertThat(again.accounts().find("vera").orElseThrow().totpSecret())
          .contains("JBSWY3DPEHPK3PXP");
    }

    String oldKey = Files.readAllLines(keyFile, StandardCharsets.UTF_8).getLast();
    Files.writeString(
        keyFile,
        Base64.getEncoder().encodeToString(TotpSecretCipher.newKey()) + "\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TiptraceBackend.open(settings))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("user 'vera'")
        .hasMessageContaining(
            "sealed with key " + TotpSecretCipher.keyId(Base64.getDecoder().decode(oldKey)))
        .hasMessageContaining(keyFile.toAbsolutePath().normalize().toString());

    // Rotation: the new key first, the old one below it; the start re-seals with the new key.
    String newKey = Files.readAllLines(keyFile, StandardCharsets.UTF_8).getFirst();
    Files.writeString(keyFile, newKey + "\n" + oldKey + "\n", StandardCharsets.UTF_8);
    try (TiptraceBackend rotated = TiptraceBackend.open(settings)) {
      assertThat(column(settings, "vera"))
          .startsWith(
              TotpSecretCipher.PREFIX
                  + TotpSecretCipher.keyId(Base64.getDecoder().decode(newKey))
                  + ":");
      assertThat(rotated.accounts().find("vera").orElseThrow().totpSecret())
          .contains("JBSWY3DPEHPK3PXP");
    }
  }

  @Test
  void aConfiguredKeyFileMustExistAndAnotherDatabaseNeedsOne(@TempDir Path dir) {
    DatabaseSettings missing =
        TiptraceBackend.defaultSettings(dir)
            .withSecretKey(SecretKeyLocation.configured(dir.resolve("nope.key")));
    assertThatThrownBy(() -> TiptraceBackend.open(missing))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("nope.key")
        .hasMessageContaining("does not exist");
    assertThat(Files.exists(dir.resolve("nope.key"))).isFalse();

    DatabaseSettings postgres =
        new DatabaseSettings(
            "jdbc:postgresql://127.0.0.1:1/none", Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> TiptraceBackend.open(postgres))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining(SecretKeyLocation.ENV);
  }
}
