package org.tiptrace.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;

/** Small JDBC helpers shared by the repositories: transactions, time columns, duplicate keys. */
final class Jdbc {
  /** Unique or primary key violation; the same code on H2 and PostgreSQL. */
  static final String DUPLICATE_KEY = "23505";

  private Jdbc() {}

  @FunctionalInterface
  interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   * The pool (HikariCP) restores auto-commit when the connection is returned.
   */
  static <T> T inTransaction(DataSource ds, Work<T> work) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode (one statement, one transaction). */
  static <T> T autoCommit(DataSource ds, Work<T> work) throws SQLException {
    try (Connection c = ds.getConnection()) {
      return work.apply(c);
    }
  }

  static boolean isDuplicateKey(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        for (SQLException n = s; n != null; n = n.getNextException()) {
          if (DUPLICATE_KEY.equals(n.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The instant as both databases keep it: to the microsecond (PostgreSQL's resolution, and H2's
   * default one). Callers get back what was stored, not what they passed.
   */
  static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    ps.setObject(index, stored(instant).atOffset(ZoneOffset.UTC));
  }

  static void setInstant(PreparedStatement ps, int index, Optional<Instant> instant)
      throws SQLException {
    if (instant.isPresent()) {
      setInstant(ps, index, instant.get());
    } else {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  static Instant getInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    if (value == null) {
      throw new SQLException("column " + column + " is null");
    }
    return value.toInstant();
  }

  static void setString(PreparedStatement ps, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      ps.setString(index, value.get());
    } else {
      ps.setNull(index, Types.VARCHAR);
    }
  }

  static void setInt(PreparedStatement ps, int index, java.util.OptionalInt value)
      throws SQLException {
    if (value.isPresent()) {
      ps.setInt(index, value.getAsInt());
    } else {
      ps.setNull(index, Types.INTEGER);
    }
  }
}
