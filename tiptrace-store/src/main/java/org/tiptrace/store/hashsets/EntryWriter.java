package org.tiptrace.store.hashsets;

import java.sql.Connection;
import java.sql.SQLException;
import org.tiptrace.hash.sets.HashEntry;

/**
 * Writes the entries of one import into {@code hash_entry} on the import's connection and
 * transaction, holding at most one bounded buffer: PostgreSQL gets one {@code COPY ... FROM STDIN}
 * into a temporary table and a sorted insert ({@link PgSortedEntryWriter}) or the COPY straight
 * into the table ({@link PgCopyEntryWriter}), every other database JDBC batches ({@link
 * BatchEntryWriter}).
 */
interface EntryWriter extends AutoCloseable {

  /** Queues or sends one entry of the set {@code setId}. */
  void write(HashEntry entry) throws SQLException;

  /** Sends what is buffered and ends the write; returns the number of entries written. */
  long finish() throws SQLException;

  /** Abandons an unfinished write (the caller rolls back); harmless after {@link #finish()}. */
  @Override
  void close() throws SQLException;

  /** The fastest writer the connection's database supports. */
  static EntryWriter open(Connection c, long setId, JdbcHashSetRepository.PostgresLoad postgresLoad)
      throws SQLException {
    if (c.isWrapperFor(org.postgresql.PGConnection.class)) {
      return switch (postgresLoad) {
        case SORTED -> PgSortedEntryWriter.open(c, setId);
        case DIRECT -> PgCopyEntryWriter.open(c, setId);
      };
    }
    return BatchEntryWriter.open(c, setId);
  }
}
