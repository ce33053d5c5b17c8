package org.tiptrace.store.hashsets;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.tiptrace.hash.sets.HashEntry;

/**
 * Entries of a PostgreSQL import loaded in two steps (decision 0019): one {@code COPY} into a
 * temporary table without indexes, then one {@code INSERT INTO hash_entry ... SELECT ... ORDER BY
 * algorithm, digest}, all inside the import's transaction.
 *
 * <p>Why: copied straight into {@code hash_entry}, every row lands at a random place of the {@code
 * (algorithm, digest)} B-tree; once that index outgrows the buffer cache each row costs a random
 * page read and write (docs/benchmarks-hashsets.md: 9.4 k rows/s at 10 M). Inserted in key order,
 * the B-tree is walked once from left to right, each leaf read and dirtied while it is hot; the ids
 * the identity column hands out then follow the same order, so the primary key and the {@code
 * set_id} index only grow at their right edge. The sort is PostgreSQL's (an external merge sort
 * beyond {@code work_mem}, raised for this transaction).
 *
 * <p>The price: a set's entry ids follow its digests' order, not the file's (with a plain COPY they
 * followed the file). Nothing reads meaning into that order; matches name entries by id.
 *
 * <p>The temporary table is dropped at the end of the transaction, commit or rollback; a replaced
 * set stays visible to other connections until the import commits, as before.
 */
final class PgSortedEntryWriter implements EntryWriter {
  static final String TABLE = "hash_entry_load";

  /** Memory for the sort, for this transaction only; the server's default (4 MB) spills early. */
  static final String WORK_MEM = "256MB";

  private final Connection connection;
  private final PgCopyEntryWriter copy;
  private final long setId;

  private PgSortedEntryWriter(Connection connection, PgCopyEntryWriter copy, long setId) {
    this.connection = connection;
    this.copy = copy;
    this.setId = setId;
  }

  static PgSortedEntryWriter open(Connection c, long setId) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
      st.execute(
          "CREATE TEMPORARY TABLE "
              + TABLE
              + " (set_id BIGINT NOT NULL, algorithm VARCHAR(8) NOT NULL, digest BYTEA NOT NULL,"
              + " category VARCHAR(64), series VARCHAR(200), victim_identified VARCHAR(8) NOT NULL)"
              + " ON COMMIT DROP");
    }
    return new PgSortedEntryWriter(c, PgCopyEntryWriter.into(c, TABLE, setId), setId);
  }

  @Override
  public void write(HashEntry entry) throws SQLException {
    copy.write(entry);
  }

  @Override
  public long finish() throws SQLException {
    long copied = copy.finish();
    long inserted;
    try (Statement st = connection.createStatement()) {
      inserted =
          st.executeLargeUpdate(
              "INSERT INTO hash_entry (set_id, algorithm, digest, category, series,"
                  + " victim_identified) SELECT set_id, algorithm, digest, category, series,"
                  + " victim_identified FROM "
                  + TABLE
                  + " ORDER BY algorithm, digest");
    }
    if (inserted != copied) {
      throw new SQLException(
          "hash set " + setId + ": " + copied + " entries copied, " + inserted + " inserted");
    }
    return inserted;
  }

  @Override
  public void close() throws SQLException {
    copy.close();
  }
}
