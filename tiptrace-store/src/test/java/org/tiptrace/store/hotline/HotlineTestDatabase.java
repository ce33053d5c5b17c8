package org.tiptrace.store.hotline;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Migrated databases for the hotline store tests. Flyway runs only {@code db/migration}: today that
 * is V2 alone (V1 lives in another branch); after the merge it is V1 and V2, which share no tables.
 */
final class HotlineTestDatabase implements AutoCloseable {
  /** Set to a JDBC URL (with user and password) to run the tests on PostgreSQL too. */
  static final String PG_URL_VARIABLE = "TIPTRACE_TEST_PG_URL";

  private final DataSource dataSource;
  private final Runnable dropper;

  private HotlineTestDatabase(DataSource dataSource, Runnable dropper) {
    this.dataSource = dataSource;
    this.dropper = dropper;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** A private in-memory H2 database, gone when its last connection closes after {@link #close}. */
  static HotlineTestDatabase h2() {
    JdbcDataSource ds = new JdbcDataSource();
    String name = "hotline_" + randomSuffix();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    ds.setUser("sa");
    migrate(ds, null);
    return new HotlineTestDatabase(ds, () -> execute(ds, "SHUTDOWN"));
  }

  /** A fresh schema with a random name in the configured PostgreSQL, dropped on {@link #close}. */
  static HotlineTestDatabase postgres() {
    String url = System.getenv(PG_URL_VARIABLE);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(PG_URL_VARIABLE + " is not set");
    }
    String schema = "hotline_test_" + randomSuffix();
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(url);
    execute(admin, "CREATE SCHEMA " + schema);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setCurrentSchema(schema);
    migrate(ds, schema);
    return new HotlineTestDatabase(ds, () -> execute(admin, "DROP SCHEMA " + schema + " CASCADE"));
  }

  /** Empties the hotline tables between tests that share a database. */
  void clear() {
    execute(dataSource, "DELETE FROM hotline_file_info");
    execute(dataSource, "DELETE FROM hotline_file");
    execute(dataSource, "DELETE FROM hotline_report");
  }

  @Override
  public void close() {
    dropper.run();
  }

  private static void migrate(DataSource ds, String schema) {
    var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    if (schema != null) {
      config = config.schemas(schema).defaultSchema(schema);
    }
    config.load().migrate();
  }

  private static void execute(DataSource ds, String sql) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database: " + sql, e);
    }
  }

  private static String randomSuffix() {
    byte[] b = new byte[6];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b).toLowerCase(Locale.ROOT);
  }
}
