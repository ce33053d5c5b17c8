package org.tiptrace.store.test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.tiptrace.store.DatabaseConfig;

/**
 * The databases a store test runs on. Use as the source of a parameterised test:
 *
 * <pre>{@code
 * @ParameterizedTest
 * @EnumSource(TestBackend.class)
 * void storesTips(TestBackend backend) {
 *   try (TestDatabase db = backend.open()) { ... }
 * }
 * }</pre>
 *
 * <p>{@link #POSTGRESQL} needs {@value #PG_URL_ENV} (for example {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}); without it the test is skipped and
 * says why. With it, every {@link TestDatabase} gets a schema of its own, dropped on close, so runs
 * neither see nor disturb each other.
 */
public enum TestBackend {
  H2,
  POSTGRESQL;

  public static final String PG_URL_ENV = "TIPTRACE_TEST_PG_URL";

  /** A fresh, migrated database: H2 in memory, or a new PostgreSQL schema. */
  public TestDatabase open() {
    return switch (this) {
      case H2 -> TestDatabase.open(DatabaseConfig.h2InMemory("test-" + randomName()), null);
      case POSTGRESQL -> openPostgres();
    };
  }

  /**
   * A fresh, migrated database that can be closed and opened again, also by another process: an H2
   * file database in {@code dir}, or a new PostgreSQL schema.
   */
  public TestDatabase openDurable(Path dir) {
    return switch (this) {
      case H2 -> TestDatabase.open(DatabaseConfig.h2File(dir), null);
      case POSTGRESQL -> openPostgres();
    };
  }

  /** The PostgreSQL URL of this run, or a skipped test that names the variable. */
  public static String requirePostgresUrl() {
    Optional<String> url = postgresUrl();
    Assumptions.assumeTrue(
        url.isPresent(),
        PG_URL_ENV
            + " is not set: PostgreSQL variant skipped (set it to a JDBC URL such as"
            + " jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres to run it)");
    return url.orElseThrow();
  }

  public static Optional<String> postgresUrl() {
    String url = System.getenv(PG_URL_ENV);
    return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
  }

  private static TestDatabase openPostgres() {
    String base = requirePostgresUrl();
    String schema = "tt_test_" + randomName();
    execute(base, "CREATE SCHEMA " + schema);
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    DatabaseConfig config = DatabaseConfig.of(url, null, null).withMaximumPoolSize(4);
    try {
      return TestDatabase.open(config, () -> execute(base, "DROP SCHEMA " + schema + " CASCADE"));
    } catch (RuntimeException e) {
      execute(base, "DROP SCHEMA " + schema + " CASCADE");
      throw e;
    }
  }

  static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "test database: '" + sql + "' failed on " + DatabaseConfig.of(url, null, null), e);
    }
  }

  private static String randomName() {
    byte[] b = new byte[8];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** For {@link TestDatabase}: what to do after closing. */
  @FunctionalInterface
  interface Cleanup {
    void run();
  }
}
