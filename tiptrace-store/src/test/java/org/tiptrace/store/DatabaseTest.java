package org.tiptrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.store.test.TestReports;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;

class DatabaseTest {
  private static final AgencyId A = new AgencyId("icac-a");
  private static final Instant T0 = Instant.parse("2026-01-05T10:15:30Z");

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aDurableDatabaseKeepsItsDataAndMigratesOnce(TestBackend backend, @TempDir Path dir)
      throws SQLException {
    try (TestDatabase db = backend.openDurable(dir.resolve("data"))) {
      Sha256 source = Sha256.of("r".getBytes(StandardCharsets.UTF_8));
      Tip tip = db.tips().insertIfAbsent(A, source, T0, TestReports.report("42")).tip();

      Database reopened = db.reopen();
      assertThat(reopened.tips().find(A, tip.id())).contains(tip);
      assertThat(appliedMigrations(reopened))
          .as("each migration applied exactly once, in order")
          .containsExactly(
              "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15",
              "16");
    }
  }

  @Test
  void closingAnInMemoryDatabaseDropsIt() {
    DatabaseConfig config = DatabaseConfig.h2InMemory("drop-me-" + System.nanoTime());
    Sha256 source = Sha256.of("r".getBytes(StandardCharsets.UTF_8));
    try (Database db = Database.open(config)) {
      db.tips().insertIfAbsent(A, source, T0, TestReports.report("1"));
      assertThat(db.tips().count(A)).isEqualTo(1);
    }
    try (Database db = Database.open(config)) {
      assertThat(db.tips().count(A)).isZero();
    }
  }

  @Test
  void anUnreachableDatabaseIsNamedWithoutItsPassword() {
    DatabaseConfig config =
        DatabaseConfig.of("jdbc:postgresql://127.0.0.1:1/tips?password=hunter2", "tt", "hunter3");
    assertThatThrownBy(() -> Database.open(config))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(DatabaseConfig.URL_PROPERTY)
        .hasMessageContaining("127.0.0.1:1/tips?password=****")
        .hasMessageContaining("tt")
        .hasMessageNotContaining("hunter");
  }

  @Test
  void aDataFolderThatCannotBeCreatedIsNamed(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Database.openDataDir(file.resolve("data")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("data folder")
        .hasMessageContaining(file.resolve("data").toString());
  }

  private static List<String> appliedMigrations(Database db) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL"
                    + " ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions;
  }
}
