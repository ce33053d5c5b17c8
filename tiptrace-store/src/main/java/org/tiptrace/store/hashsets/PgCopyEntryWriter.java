package org.tiptrace.store.hashsets;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.tiptrace.hash.sets.HashEntry;

/**
 * Entries through one PostgreSQL {@code COPY hash_entry (...) FROM STDIN} in text format, inside
 * the import's transaction (a failed import rolls the copied rows back with everything else). Rows
 * are encoded into a buffer of {@value #BUFFER} bytes that is sent whenever it fills, so memory
 * stays constant whatever the set's size.
 *
 * <p>Text format (PostgreSQL manual, COPY, "Text Format"): columns separated by a tab, rows by a
 * newline, {@code \N} for NULL, and backslash, tab, newline and carriage return in a value escaped
 * with a backslash. A {@code bytea} value is written in its hex input form {@code \x…}, whose
 * backslash is itself escaped, so {@code \\x…} goes on the wire.
 */
final class PgCopyEntryWriter implements EntryWriter {
  static final int BUFFER = 1 << 18;
  private static final String COLUMNS =
      " (set_id, algorithm, digest, category, series, victim_identified)";
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final CopyIn copy;
  private final byte[] setId;
  private final byte[] buffer = new byte[BUFFER];
  private int used;
  private long count;
  private boolean finished;

  private PgCopyEntryWriter(CopyIn copy, long setId) {
    this.copy = copy;
    this.setId = Long.toString(setId).getBytes(StandardCharsets.US_ASCII);
  }

  /** Copies straight into {@code hash_entry}. */
  static PgCopyEntryWriter open(Connection c, long setId) throws SQLException {
    return into(c, "hash_entry", setId);
  }

  /** Copies into {@code table}, which has the columns of {@code hash_entry} but its id. */
  static PgCopyEntryWriter into(Connection c, String table, long setId) throws SQLException {
    CopyIn copy =
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + COLUMNS + " FROM STDIN");
    return new PgCopyEntryWriter(copy, setId);
  }

  @Override
  public void write(HashEntry e) throws SQLException {
    byte[] digest = e.digest().bytes();
    put(setId);
    put((byte) '\t');
    putAscii(e.digest().algorithm().name());
    put((byte) '\t');
    put((byte) '\\');
    put((byte) '\\');
    put((byte) 'x');
    for (byte b : digest) {
      put(HEX[(b >> 4) & 0xf]);
      put(HEX[b & 0xf]);
    }
    put((byte) '\t');
    text(e.category().orElse(null));
    put((byte) '\t');
    text(e.series().orElse(null));
    put((byte) '\t');
    putAscii(e.victimIdentified().name());
    put((byte) '\n');
    count++;
  }

  private void text(@Nullable String value) throws SQLException {
    if (value == null) {
      put((byte) '\\');
      put((byte) 'N');
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    for (byte b : utf8) {
      switch (b) {
        case '\\' -> {
          put((byte) '\\');
          put((byte) '\\');
        }
        case '\t' -> {
          put((byte) '\\');
          put((byte) 't');
        }
        case '\n' -> {
          put((byte) '\\');
          put((byte) 'n');
        }
        case '\r' -> {
          put((byte) '\\');
          put((byte) 'r');
        }
        default -> put(b);
      }
    }
  }

  private void send() throws SQLException {
    if (used > 0) {
      copy.writeToCopy(buffer, 0, used);
      used = 0;
    }
  }

  private void put(byte b) throws SQLException {
    if (used == buffer.length) {
      send();
    }
    buffer[used++] = b;
  }

  private void put(byte[] bytes) throws SQLException {
    for (byte b : bytes) {
      put(b);
    }
  }

  /** Enum names: ASCII by construction. */
  private void putAscii(String s) throws SQLException {
    for (int i = 0; i < s.length(); i++) {
      put((byte) s.charAt(i));
    }
  }

  @Override
  public long finish() throws SQLException {
    send();
    long rows = copy.endCopy();
    finished = true;
    if (rows != count) {
      throw new SQLException("COPY stored " + rows + " hash entries, " + count + " were sent");
    }
    return count;
  }

  @Override
  public void close() throws SQLException {
    if (!finished && copy.isActive()) {
      copy.cancelCopy();
    }
  }
}
