package org.tiptrace.store.hashsets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.tiptrace.hash.sets.HashEntry;

/**
 * Entries as JDBC batches of {@value #BATCH} rows (H2). Larger batches than the old 1,000 cut the
 * per-call overhead; H2's cost per row (the two indexes and the undo log of the one transaction)
 * stays, see docs/benchmarks-hashsets.md.
 */
final class BatchEntryWriter implements EntryWriter {
  static final int BATCH = 10_000;

  private final PreparedStatement ps;
  private final long setId;
  private int pending;
  private long count;

  private BatchEntryWriter(PreparedStatement ps, long setId) {
    this.ps = ps;
    this.setId = setId;
  }

  static BatchEntryWriter open(Connection c, long setId) throws SQLException {
    return new BatchEntryWriter(
        c.prepareStatement(
            "INSERT INTO hash_entry (set_id, algorithm, digest, category, series,"
                + " victim_identified) VALUES (?, ?, ?, ?, ?, ?)"),
        setId);
  }

  @Override
  public void write(HashEntry e) throws SQLException {
    ps.setLong(1, setId);
    ps.setString(2, e.digest().algorithm().name());
    ps.setBytes(3, e.digest().bytes());
    ps.setString(4, e.category().orElse(null));
    ps.setString(5, e.series().orElse(null));
    ps.setString(6, e.victimIdentified().name());
    ps.addBatch();
    count++;
    if (++pending == BATCH) {
      ps.executeBatch();
      pending = 0;
    }
  }

  @Override
  public long finish() throws SQLException {
    if (pending > 0) {
      ps.executeBatch();
      pending = 0;
    }
    return count;
  }

  @Override
  public void close() throws SQLException {
    ps.close();
  }
}
