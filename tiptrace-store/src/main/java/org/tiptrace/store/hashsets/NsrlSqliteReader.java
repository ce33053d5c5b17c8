package org.tiptrace.store.hashsets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tiptrace.hash.sets.Digest;
import org.tiptrace.hash.sets.DigestAlgorithm;
import org.tiptrace.hash.sets.HashEntry;
import org.tiptrace.hash.sets.HashEntrySink;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetFormatException;
import org.tiptrace.hash.sets.HashSetReader;
import org.tiptrace.hash.sets.ReadProgress;
import org.tiptrace.hash.sets.ReadSummary;
import org.tiptrace.intake.Problem;

/**
 * Reads an NIST NSRL RDS v3 SQLite database (reference §2) as a known-good set: every row of the
 * {@code DISTINCT_HASH} view (one per distinct file content, not the many rows per hash of {@code
 * FILE}) gives its SHA-256, SHA-1 and MD5, and {@code VERSION.version} is the file version recorded
 * with the set, so a filtering decision can be reproduced. The database is opened read-only and
 * read with a forward cursor, so memory stays bounded.
 */
public final class NsrlSqliteReader implements HashSetReader {
  private static final long PROGRESS_STEP = 100_000;

  @Override
  public HashSetFormat format() {
    return HashSetFormat.NSRL;
  }

  @Override
  public ReadSummary read(Path file, HashEntrySink sink, ReadProgress progress) throws IOException {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(name);
    }
    if (!isSqlite(file)) {
      throw new HashSetFormatException(
          Problem.error(name, "", "not an SQLite database (NSRL RDS v3 is distributed as .db)"));
    }
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
    config.setReadOnly(true);
    try (Connection c = DriverManager.getConnection(url, config.toProperties())) {
      Set<String> objects = objects(c);
      if (!objects.contains("distinct_hash") || !objects.contains("version")) {
        throw new HashSetFormatException(
            Problem.error(
                name,
                "",
                "not an NSRL RDS v3 database: no "
                    + (objects.contains("version") ? "DISTINCT_HASH view" : "VERSION table")
                    + " (found "
                    + String.join(", ", objects)
                    + ")"));
      }
      Optional<String> version = version(c, name);
      List<Problem> warnings = new ArrayList<>();
      long records = 0;
      long entries = 0;
      try (PreparedStatement ps =
              c.prepareStatement("SELECT sha256, sha1, md5 FROM DISTINCT_HASH");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          records++;
          String where = "DISTINCT_HASH row " + records;
          entries += entry(name, where, "sha256", DigestAlgorithm.SHA256, rs.getString(1), sink);
          entries += entry(name, where, "sha1", DigestAlgorithm.SHA1, rs.getString(2), sink);
          entries += entry(name, where, "md5", DigestAlgorithm.MD5, rs.getString(3), sink);
          if (records % PROGRESS_STEP == 0) {
            progress.read(records, -1);
          }
        }
      }
      progress.read(records, records);
      return new ReadSummary(
          records,
          entries,
          Optional.of("NSRL (known-good)"),
          version.map(v -> "RDS " + v),
          warnings);
    } catch (SQLException e) {
      throw new HashSetFormatException(
          Problem.error(name, "", "cannot read the NSRL database: " + e.getMessage()), e);
    }
  }

  private static int entry(
      String file,
      String where,
      String column,
      DigestAlgorithm algorithm,
      @Nullable String hex,
      HashEntrySink sink)
      throws HashSetFormatException {
    if (hex == null || hex.isBlank()) {
      return 0;
    }
    try {
      sink.accept(HashEntry.bare(Digest.parseHex(algorithm, hex)));
      return 1;
    } catch (IllegalArgumentException e) {
      throw new HashSetFormatException(Problem.error(file, where + "/" + column, e.getMessage()));
    }
  }

  private static Optional<String> version(Connection c, String file) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT version FROM VERSION");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
    }
  }

  private static Set<String> objects(Connection c) throws SQLException {
    Set<String> names = new HashSet<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1).toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  /** SQLite files open with the 16-byte header "SQLite format 3\0". */
  private static boolean isSqlite(Path file) throws IOException {
    byte[] head = new byte[16];
    try (var in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, 16) < 16) {
        return false;
      }
    }
    return new String(head, 0, 15, java.nio.charset.StandardCharsets.US_ASCII)
        .equals("SQLite format 3");
  }
}
