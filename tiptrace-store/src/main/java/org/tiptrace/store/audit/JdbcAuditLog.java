package org.tiptrace.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditChain;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.audit.AuditEvent;
import org.tiptrace.audit.AuditLog;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.store.StoreException;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;

/**
 * The audit log in table {@code audit_entry}, its head in the one row of {@code audit_head}.
 *
 * <p>An append is one transaction: lock the head row ({@code SELECT ... FOR UPDATE}), chain the new
 * entry to it, insert the entry, move the head. Concurrent appends, from this process or another on
 * the same database, wait for the lock, so every entry chains to the one committed just before it.
 * Times are truncated to the microsecond before hashing: what both databases store, so the hash is
 * over what is read back.
 *
 * <p>There is no update or delete of {@code audit_entry} in this class, by design.
 */
public final class JdbcAuditLog implements AuditLog {
  private static final String COLUMNS =
      "sequence, format_version, at, actor, agency, action, subject_type, subject_id, detail,"
          + " previous_hash, hash";

  private final DataSource ds;
  private final Clock clock;

  public JdbcAuditLog(DataSource ds, Clock clock) {
    this.ds = ds;
    this.clock = clock;
  }

  @Override
  public AuditEntry append(AuditEvent event) {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        AuditEntry entry = appendLocked(c, event);
        c.commit();
        return entry;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(
          "audit log: cannot append " + event.action() + " by " + event.actor(), e);
    }
  }

  private AuditEntry appendLocked(Connection c, AuditEvent event) throws SQLException {
    long lastSequence;
    Sha256 lastHash;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT last_sequence, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")) {
      if (!rs.next()) {
        throw new SQLException("audit_head has no row 1 (migration V3 inserts it)");
      }
      lastSequence = rs.getLong(1);
      String hash = rs.getString(2);
      lastHash = hash == null ? AuditChain.GENESIS : new Sha256(hash.strip());
    }
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditEntry entry = AuditEntry.chain(lastSequence + 1, at, event, lastHash);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, entry.sequence());
      ps.setInt(2, entry.formatVersion());
      ps.setObject(3, entry.at().atOffset(ZoneOffset.UTC));
      ps.setString(4, entry.actor());
      if (entry.agency().isPresent()) {
        ps.setString(5, entry.agency().get().code());
      } else {
        ps.setNull(5, Types.VARCHAR);
      }
      ps.setString(6, entry.action().name());
      ps.setString(7, entry.subjectType().name());
      ps.setString(8, entry.subjectId());
      ps.setString(9, entry.detail());
      ps.setString(10, entry.previousHash().hex());
      ps.setString(11, entry.hash().hex());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE audit_head SET last_sequence = ?, last_hash = ? WHERE id = 1")) {
      ps.setLong(1, entry.sequence());
      ps.setString(2, entry.hash().hex());
      ps.executeUpdate();
    }
    return entry;
  }

  @Override
  public List<AuditEntry> read(long afterSequence, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + ", was " + limit);
    }
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM audit_entry WHERE sequence > ? ORDER BY sequence LIMIT ?")) {
      ps.setLong(1, afterSequence);
      ps.setInt(2, limit);
      List<AuditEntry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("audit log: cannot read entries after " + afterSequence, e);
    }
  }

  @Override
  public long count() {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_entry")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("audit log: cannot count entries", e);
    }
  }

  @Override
  public Optional<ChainHead> recordedHead() {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT last_sequence, last_hash FROM audit_head WHERE id = 1")) {
      if (!rs.next()) {
        throw new SQLException("audit_head has no row 1");
      }
      String hash = rs.getString(2);
      return hash == null
          ? Optional.empty()
          : Optional.of(new ChainHead(rs.getLong(1), new Sha256(hash.strip())));
    } catch (SQLException | IllegalArgumentException e) {
      throw new StoreException("audit log: cannot read the recorded head: " + e.getMessage(), e);
    }
  }

  /**
   * @throws UnreadableEntryException when the row holds a value no build writes
   */
  private static AuditEntry read(ResultSet rs) throws SQLException {
    long sequence = rs.getLong("sequence");
    try {
      OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
      if (at == null) {
        throw new IllegalArgumentException("no time");
      }
      String agency = rs.getString("agency");
      return new AuditEntry(
          rs.getInt("format_version"),
          sequence,
          at.toInstant(),
          rs.getString("actor"),
          agency == null ? Optional.empty() : Optional.of(new AgencyId(agency)),
          AuditAction.valueOf(rs.getString("action")),
          AuditSubjectType.valueOf(rs.getString("subject_type")),
          rs.getString("subject_id"),
          rs.getString("detail"),
          new Sha256(rs.getString("previous_hash").strip()),
          new Sha256(rs.getString("hash").strip()));
    } catch (IllegalArgumentException e) {
      // A stored value no build could have written: the row was tampered with.
      throw new UnreadableEntryException(sequence, e.getMessage(), e);
    }
  }
}
