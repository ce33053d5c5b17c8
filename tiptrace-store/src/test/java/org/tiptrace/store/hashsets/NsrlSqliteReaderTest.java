package org.tiptrace.store.hashsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tiptrace.hash.sets.SetFixtures.md5;
import static org.tiptrace.hash.sets.SetFixtures.sha1;
import static org.tiptrace.hash.sets.SetFixtures.sha256;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrace.hash.sets.DigestAlgorithm;
import org.tiptrace.hash.sets.HashSetFormatException;
import org.tiptrace.hash.sets.ReadProgress;
import org.tiptrace.hash.sets.ReadSummary;
import org.tiptrace.hash.sets.SetFixtures.ListSink;

class NsrlSqliteReaderTest {
  @TempDir Path dir;

  /** The RDS v3 Minimal layout as NIST's schema.sql ships it (reference §2.2). */
  private static final String[] SCHEMA = {
    "CREATE TABLE FILE (sha256 VARCHAR NOT NULL, sha1 VARCHAR NOT NULL, md5 VARCHAR NOT NULL,"
        + " crc32 VARCHAR NOT NULL, file_name VARCHAR NOT NULL, file_size INTEGER NOT NULL,"
        + " package_id INTEGER NOT NULL, CONSTRAINT PK_FILE__FILE PRIMARY KEY (sha256, sha1, md5,"
        + " crc32, file_name, file_size, package_id))",
    "CREATE TABLE MFG (manufacturer_id INTEGER NOT NULL, name VARCHAR NOT NULL,"
        + " CONSTRAINT PK_MFG__MFG_ID PRIMARY KEY (manufacturer_id))",
    "CREATE TABLE OS (operating_system_id INTEGER NOT NULL, name VARCHAR NOT NULL,"
        + " version VARCHAR NOT NULL, manufacturer_id INTEGER NOT NULL,"
        + " CONSTRAINT PK_OS__OS_ID PRIMARY KEY (operating_system_id, manufacturer_id))",
    "CREATE TABLE PKG (package_id INTEGER NOT NULL, name VARCHAR NOT NULL, version VARCHAR NOT"
        + " NULL, operating_system_id INTEGER NOT NULL, manufacturer_id INTEGER NOT NULL,"
        + " language VARCHAR NOT NULL, application_type VARCHAR NOT NULL, CONSTRAINT"
        + " PK_PGK__PKG_ID PRIMARY KEY (package_id, operating_system_id, manufacturer_id,"
        + " language, application_type))",
    "CREATE TABLE VERSION (version VARCHAR UNIQUE NOT NULL, build_set VARCHAR NOT NULL,"
        + " build_date TIMESTAMP NOT NULL, release_date TIMESTAMP NOT NULL,"
        + " description VARCHAR NOT NULL)",
    "CREATE VIEW DISTINCT_HASH AS SELECT DISTINCT sha256, sha1, md5, crc32 FROM FILE"
  };

  private Path nsrl(String name, String... words) throws Exception {
    Path db = dir.resolve(name);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      for (String ddl : SCHEMA) {
        s.execute(ddl);
      }
      s.execute("INSERT INTO MFG VALUES (1, 'Example Software Inc.')");
      s.execute("INSERT INTO OS VALUES (1, 'ExampleOS', '1.0', 1)");
      s.execute("INSERT INTO PKG VALUES (10, 'Example Suite', '2.1', 1, 1, 'English', 'Office')");
      s.execute("INSERT INTO PKG VALUES (11, 'Example Tools', '1.0', 1, 1, 'English', 'Utility')");
      s.execute(
          "INSERT INTO VERSION VALUES ('2026.03.1', 'modern', '2026-03-01 00:00:00',"
              + " '2026-03-15 00:00:00', 'RDS 2026.03.1 modern minimal (synthetic)')");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO FILE VALUES (?,?,?,?,?,?,?)")) {
        for (String w : words) {
          // The same content in two packages: two FILE rows, one DISTINCT_HASH row.
          for (int pkg = 10; pkg <= 11; pkg++) {
            ps.setString(1, sha256(w).toUpperCase(Locale.ROOT));
            ps.setString(2, sha1(w).toUpperCase(Locale.ROOT));
            ps.setString(3, md5(w).toUpperCase(Locale.ROOT));
            ps.setString(4, "0000ABCD");
            ps.setString(5, w + ".dll");
            ps.setInt(6, w.length());
            ps.setInt(7, pkg);
            ps.executeUpdate();
          }
        }
      }
    }
    return db;
  }

  @Test
  void readsDistinctHashesAsKnownGoodEntriesWithTheRdsVersion() throws Exception {
    Path db = nsrl("RDS_2026.03.1_modern_minimal.db", "alpha", "beta");
    ListSink sink = new ListSink();
    long[] last = {0, 0};
    ReadSummary s =
        new NsrlSqliteReader()
            .read(
                db,
                sink,
                (done, total) -> {
                  last[0] = done;
                  last[1] = total;
                });
    assertThat(s.records()).isEqualTo(2);
    assertThat(s.entries()).isEqualTo(6);
    assertThat(s.fileVersion()).contains("RDS 2026.03.1");
    assertThat(last).containsExactly(2, 2);
    assertThat(sink.entries)
        .extracting(e -> e.digest().toString())
        .contains("SHA256:" + sha256("alpha"), "SHA1:" + sha1("alpha"), "MD5:" + md5("beta"));
    assertThat(sink.entries).allSatisfy(e -> assertThat(e.category()).isEmpty());
    assertThat(sink.entries)
        .extracting(e -> e.digest().algorithm())
        .containsOnly(DigestAlgorithm.SHA256, DigestAlgorithm.SHA1, DigestAlgorithm.MD5);
  }

  @Test
  void notAnNsrlDatabaseIsRefusedWithTheReason() throws Exception {
    Path text = dir.resolve("hashes.db");
    Files.writeString(text, "md5,sha1\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new NsrlSqliteReader().read(text, new ListSink(), ReadProgress.NONE))
        .isInstanceOf(HashSetFormatException.class)
        .hasMessageContaining("hashes.db: not an SQLite database");

    Path other = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE VERSION (version VARCHAR)");
      s.execute("CREATE TABLE files (md5 VARCHAR)");
    }
    assertThatThrownBy(() -> new NsrlSqliteReader().read(other, new ListSink(), ReadProgress.NONE))
        .isInstanceOf(HashSetFormatException.class)
        .hasMessageContaining("other.db: not an NSRL RDS v3 database: no DISTINCT_HASH view");
  }

  @Test
  void aBadDigestNamesTheRowAndColumn() throws Exception {
    Path db = nsrl("bad.db", "alpha");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("UPDATE FILE SET sha1 = 'XYZ'");
    }
    assertThatThrownBy(() -> new NsrlSqliteReader().read(db, new ListSink(), ReadProgress.NONE))
        .isInstanceOf(HashSetFormatException.class)
        .hasMessageContaining("bad.db: DISTINCT_HASH row 1/sha1: not a SHA1 digest");
  }
}
