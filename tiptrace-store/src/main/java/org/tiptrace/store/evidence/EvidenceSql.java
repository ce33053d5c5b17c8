package org.tiptrace.store.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/** The few JDBC helpers the evidence repositories share. */
final class EvidenceSql {
  private EvidenceSql() {}

  @FunctionalInterface
  interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   */
  static <T> T inTransaction(DataSource ds, Work<T> work) throws SQLException {
    try (Connection c = ds.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
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
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  /** Whether the tip is the agency's; locks the tip row, so concurrent writers serialise on it. */
  static boolean lockTip(Connection c, AgencyId agency, TipId tip) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM tip WHERE id = ? AND agency = ? FOR UPDATE")) {
      ps.setLong(1, tip.value());
      ps.setString(2, agency.code());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Both databases keep microseconds; truncating first makes the round trip exact. */
  static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
    if (v == null) {
      throw new SQLException("column " + column + " is null");
    }
    return v.toInstant();
  }
}
