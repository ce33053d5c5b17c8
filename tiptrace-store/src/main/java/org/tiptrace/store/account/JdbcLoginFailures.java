package org.tiptrace.store.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.tiptrace.account.LoginFailures;
import org.tiptrace.store.StoreException;

/**
 * {@link LoginFailures} in the V10 table {@code login_failure}. One conditional UPDATE counts a
 * failure (restarting at 1 when the last one is forgotten), so two instances failing the same key
 * at once both count; the first failure of a key is an INSERT, and an INSERT that loses the race
 * (SQLState 23505) turns into the UPDATE.
 */
public final class JdbcLoginFailures implements LoginFailures {
  private static final String INCREMENT =
      "UPDATE login_failure SET failures = CASE WHEN last_failure <= ? THEN 1"
          + " ELSE failures + 1 END, last_failure = ? WHERE throttle_key = ?";

  private final DataSource dataSource;

  public JdbcLoginFailures(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public Optional<Count> find(String key) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, key);
    } catch (SQLException e) {
      throw new StoreException("cannot read the login failures of " + key, e);
    }
  }

  private static Optional<Count> find(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT failures, last_failure FROM login_failure WHERE throttle_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Count(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()));
      }
    }
  }

  @Override
  public Count add(String key, Instant now, Instant forgetBefore) {
    try (Connection c = dataSource.getConnection()) {
      for (int attempt = 0; attempt < 3; attempt++) {
        if (increment(c, key, now, forgetBefore) || insert(c, key, now)) {
          return find(c, key)
              .orElseThrow(() -> new StoreException("login failure " + key + " vanished"));
        }
      }
      throw new StoreException("cannot count a login failure of " + key + ": the row kept moving");
    } catch (SQLException e) {
      throw new StoreException("cannot count a login failure of " + key, e);
    }
  }

  private static boolean increment(Connection c, String key, Instant now, Instant forgetBefore)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INCREMENT)) {
      ps.setObject(1, utc(forgetBefore));
      ps.setObject(2, utc(now));
      ps.setString(3, key);
      return ps.executeUpdate() > 0;
    }
  }

  private static boolean insert(Connection c, String key, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO login_failure (throttle_key, failures, last_failure) VALUES (?, 1, ?)")) {
      ps.setString(1, key);
      ps.setObject(2, utc(now));
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        return false; // another instance inserted it first: count on its row
      }
      throw e;
    }
  }

  @Override
  public void clear(String key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM login_failure WHERE throttle_key = ?")) {
      ps.setString(1, key);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot clear the login failures of " + key, e);
    }
  }

  @Override
  public int purge(Instant before) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM login_failure WHERE last_failure <= ?")) {
      ps.setObject(1, utc(before));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot purge old login failures", e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
