package org.tiptrace.store.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.tiptrace.account.Account;
import org.tiptrace.account.AccountRepository;
import org.tiptrace.account.Agency;
import org.tiptrace.account.ApiToken;
import org.tiptrace.account.NewAccount;
import org.tiptrace.account.TotpSecretCipher;
import org.tiptrace.store.StoreException;
import org.tiptrace.tip.AgencyId;

/**
 * {@link AccountRepository} in plain JDBC over the V7 tables; the same SQL on H2 and PostgreSQL.
 * Names are keyed by their lower-case form. A name taken concurrently surfaces as SQLState 23505
 * and is answered as "exists", never as an error.
 *
 * <p>TOTP secrets are sealed with the {@link TotpSecretCipher} before they are written and opened
 * when read, so {@code account_user.totp_secret} never holds a usable secret; {@link
 * #sealStoredSecrets()} seals the plaintext values of databases from before V10 and re-seals values
 * of an earlier key (rotation).
 */
public final class JdbcAccountRepository implements AccountRepository {
  private static final String USER_COLUMNS =
      "username, password_hash, agency, roles, totp_secret, totp_last_step, enabled,"
          + " failed_logins, last_failed_login, created_at";
  private static final String TOKEN_COLUMNS =
      "t.id, u.username, t.label, t.token_sha256, t.created_at, t.expires_at, t.revoked_at,"
          + " t.last_used_at";

  private final DataSource dataSource;
  private final TotpSecretCipher cipher;

  public JdbcAccountRepository(DataSource dataSource, TotpSecretCipher cipher) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.cipher = Objects.requireNonNull(cipher, "cipher");
  }

  private static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean addAgency(AgencyId agency, String name, Instant at) {
    try (Connection c = dataSource.getConnection()) {
      return addAgency(c, agency, name, at);
    } catch (SQLException e) {
      throw new StoreException("cannot add agency " + agency, e);
    }
  }

  private static boolean addAgency(Connection c, AgencyId agency, String name, Instant at)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM account_agency WHERE code = ?")) {
      ps.setString(1, agency.code());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO account_agency (code, name, created_at) VALUES (?, ?, ?)")) {
      ps.setString(1, agency.code());
      ps.setString(2, name);
      ps.setObject(3, utc(at));
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (duplicate(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public List<AgencyId> agencies() {
    List<AgencyId> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT code FROM account_agency ORDER BY code")) {
      while (rs.next()) {
        out.add(new AgencyId(rs.getString(1)));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot list agencies", e);
    }
  }

  @Override
  public boolean create(NewAccount account, Instant at) {
    try (Connection c = dataSource.getConnection()) {
      // Auto-commit: the agency row may stay when the user name turns out to be taken; harmless.
      addAgency(c, account.agency(), account.agency().code(), at);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO account_user (username_key, "
                  + USER_COLUMNS
                  + ") VALUES (?, ?, ?, ?, ?, NULL, 0, TRUE, 0, NULL, ?)")) {
        ps.setString(1, key(account.username()));
        ps.setString(2, account.username());
        ps.setString(3, account.passwordHash());
        ps.setString(4, account.agency().code());
        ps.setString(5, String.join(",", new TreeSet<>(account.roles())));
        ps.setObject(6, utc(at));
        ps.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (duplicate(e)) {
          return false;
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot create user " + account.username(), e);
    }
  }

  @Override
  public Optional<Account> find(String username) {
    String sql = "SELECT " + USER_COLUMNS + " FROM account_user WHERE username_key = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key(username));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(account(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read user " + username, e);
    }
  }

  @Override
  public List<Account> list() {
    String sql = "SELECT " + USER_COLUMNS + " FROM account_user ORDER BY username_key";
    List<Account> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(account(rs));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot list users", e);
    }
  }

  private Account account(ResultSet rs) throws SQLException {
    Set<String> roles = new TreeSet<>();
    for (String r : rs.getString(4).split(",")) {
      if (!r.isBlank()) {
        roles.add(r.trim());
      }
    }
    return new Account(
        rs.getString(1),
        rs.getString(2),
        new AgencyId(rs.getString(3)),
        roles,
        Optional.ofNullable(rs.getString(5)).map(v -> opened(rs, v)),
        rs.getLong(6),
        rs.getBoolean(7),
        rs.getInt(8),
        instant(rs, 9),
        instant(rs, 10).orElseThrow());
  }

  /**
   * The secret of a stored value: sealed values are opened (a wrong key throws, naming the user and
   * the key ids); a plaintext value (written before V10, sealed at the next start) is as stored.
   */
  private String opened(ResultSet rs, String stored) {
    String username;
    try {
      username = rs.getString(1);
    } catch (SQLException e) {
      throw new StoreException("cannot read a user name", e);
    }
    return TotpSecretCipher.isSealed(stored) ? cipher.open(username, stored) : stored;
  }

  /**
   * Seals every plaintext TOTP secret and re-seals those of an earlier key with the current one.
   * Each row is updated only if it still holds the value read (a concurrent change wins).
   *
   * @return how many values were (re-)sealed
   * @throws TotpSecretCipher.SecretKeyException when a value was sealed with a key the cipher does
   *     not hold: the message names the user and the key ids
   */
  public int sealStoredSecrets() {
    String select =
        "SELECT username_key, username, totp_secret FROM account_user"
            + " WHERE totp_secret IS NOT NULL ORDER BY username_key";
    String update =
        "UPDATE account_user SET totp_secret = ? WHERE username_key = ? AND totp_secret = ?";
    int sealed = 0;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(select);
        PreparedStatement ps = c.prepareStatement(update)) {
      while (rs.next()) {
        String key = rs.getString(1);
        String username = rs.getString(2);
        String stored = rs.getString(3);
        if (cipher.sealedWithCurrentKey(stored)) {
          continue;
        }
        String secret = TotpSecretCipher.isSealed(stored) ? cipher.open(username, stored) : stored;
        ps.setString(1, cipher.seal(username, secret));
        ps.setString(2, key);
        ps.setString(3, stored);
        sealed += ps.executeUpdate();
      }
      return sealed;
    } catch (SQLException e) {
      throw new StoreException("cannot seal the stored TOTP secrets", e);
    }
  }

  @Override
  public List<Agency> agencyList() {
    List<Agency> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT code, name, created_at FROM account_agency ORDER BY code")) {
      while (rs.next()) {
        out.add(
            new Agency(
                new AgencyId(rs.getString(1)), rs.getString(2), instant(rs, 3).orElseThrow()));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot list agencies", e);
    }
  }

  @Override
  public boolean renameAgency(AgencyId agency, String name) {
    Agency.checkName(name);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE account_agency SET name = ? WHERE code = ?")) {
      ps.setString(1, name);
      ps.setString(2, agency.code());
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot rename agency " + agency, e);
    }
  }

  @Override
  public boolean setRoles(String username, Set<String> roles) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("user '" + username + "' needs at least one role");
    }
    return update(
        "UPDATE account_user SET roles = ? WHERE username_key = ?",
        username,
        ps -> ps.setString(1, String.join(",", new TreeSet<>(roles))));
  }

  @Override
  public boolean setPasswordHash(String username, String passwordHash) {
    return update(
        "UPDATE account_user SET password_hash = ? WHERE username_key = ?",
        username,
        ps -> ps.setString(1, passwordHash));
  }

  @Override
  public boolean setEnabled(String username, boolean enabled) {
    return update(
        "UPDATE account_user SET enabled = ? WHERE username_key = ?",
        username,
        ps -> ps.setBoolean(1, enabled));
  }

  @Override
  public boolean setTotpSecret(String username, Optional<String> base32Secret) {
    return update(
        "UPDATE account_user SET totp_secret = ?, totp_last_step = 0 WHERE username_key = ?",
        username,
        ps -> {
          if (base32Secret.isPresent()) {
            ps.setString(1, cipher.seal(username, base32Secret.get()));
          } else {
            ps.setNull(1, Types.VARCHAR);
          }
        });
  }

  @Override
  public boolean useTotpStep(String username, long step) {
    // One conditional update: of two concurrent uses of the same code only one matches.
    return update(
        "UPDATE account_user SET totp_last_step = ? WHERE username_key = ? AND totp_last_step < ?",
        username,
        ps -> {
          ps.setLong(1, step);
          ps.setLong(3, step);
        });
  }

  @Override
  public void recordFailedLogin(String username, Instant at) {
    update(
        "UPDATE account_user SET failed_logins = failed_logins + 1, last_failed_login = ?"
            + " WHERE username_key = ?",
        username,
        ps -> ps.setObject(1, utc(at)));
  }

  @Override
  public void recordSuccessfulLogin(String username) {
    update(
        "UPDATE account_user SET failed_logins = 0 WHERE username_key = ? AND failed_logins <> 0",
        username,
        null);
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Runs an update whose only other parameter is the user key; binds it at its position. */
  private boolean update(String sql, String username, @Nullable Binder binder) {
    int keyIndex = position(sql);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(keyIndex, key(username));
      if (binder != null) {
        binder.bind(ps);
      }
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot update user " + username, e);
    }
  }

  /** The 1-based index of the parameter after {@code username_key = }. */
  private static int position(String sql) {
    int at = sql.indexOf("username_key = ?");
    int count = 0;
    for (int i = 0; i < at; i++) {
      if (sql.charAt(i) == '?') {
        count++;
      }
    }
    return count + 1;
  }

  @Override
  public ApiToken addToken(
      String username, String label, String sha256, Instant createdAt, Instant expiresAt) {
    String sql =
        "INSERT INTO account_api_token (username_key, label, token_sha256, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
      ps.setString(1, key(username));
      ps.setString(2, label);
      ps.setString(3, sha256);
      ps.setObject(4, utc(createdAt));
      ps.setObject(5, utc(expiresAt));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        long id = keys.getLong(1);
        return findToken(sha256)
            .filter(t -> t.id() == id)
            .orElseThrow(() -> new StoreException("token " + id + " vanished after insert"));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store a token of user " + username, e);
    }
  }

  @Override
  public Optional<ApiToken> findToken(String sha256) {
    String sql =
        "SELECT "
            + TOKEN_COLUMNS
            + " FROM account_api_token t JOIN account_user u ON u.username_key = t.username_key"
            + " WHERE t.token_sha256 = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, sha256);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(token(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read a token", e);
    }
  }

  @Override
  public List<ApiToken> tokens(String username) {
    String sql =
        "SELECT "
            + TOKEN_COLUMNS
            + " FROM account_api_token t JOIN account_user u ON u.username_key = t.username_key"
            + " WHERE t.username_key = ? ORDER BY t.id";
    List<ApiToken> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key(username));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(token(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot list tokens of " + username, e);
    }
  }

  private static ApiToken token(ResultSet rs) throws SQLException {
    return new ApiToken(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4).trim(),
        instant(rs, 5).orElseThrow(),
        instant(rs, 6).orElseThrow(),
        instant(rs, 7),
        instant(rs, 8));
  }

  @Override
  public boolean revokeToken(String username, long id, Instant at) {
    String sql =
        "UPDATE account_api_token SET revoked_at = ?"
            + " WHERE id = ? AND username_key = ? AND revoked_at IS NULL";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, utc(at));
      ps.setLong(2, id);
      ps.setString(3, key(username));
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot revoke token " + id, e);
    }
  }

  @Override
  public void tokenUsed(long id, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE account_api_token SET last_used_at = ? WHERE id = ?")) {
      ps.setObject(1, utc(at));
      ps.setLong(2, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record use of token " + id, e);
    }
  }

  private static boolean duplicate(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
