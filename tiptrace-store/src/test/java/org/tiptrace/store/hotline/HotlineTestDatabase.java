package org.tiptrace.store.hotline;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;

/**
 * Migrated databases for the hotline store tests: the store's own {@link TestBackend}, so the
 * hotline tables are tested beside every other migration, exactly as they run in production.
 */
final class HotlineTestDatabase implements AutoCloseable {
  static final String PG_URL_VARIABLE = TestBackend.PG_URL_ENV;

  private final TestDatabase db;

  private HotlineTestDatabase(TestDatabase db) {
    this.db = db;
  }

  DataSource dataSource() {
    return db.database().dataSource();
  }

  /** A private in-memory H2 database with every migration applied, dropped on {@link #close}. */
  static HotlineTestDatabase h2() {
    return new HotlineTestDatabase(TestBackend.H2.open());
  }

  /**
   * A fresh schema in the configured PostgreSQL with every migration, dropped on {@link #close}.
   */
  static HotlineTestDatabase postgres() {
    return new HotlineTestDatabase(TestBackend.POSTGRESQL.open());
  }

  /** Empties the hotline tables between tests that share a database. */
  void clear() {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM hotline_file_info");
      s.execute("DELETE FROM hotline_file");
      s.execute("DELETE FROM hotline_report");
    } catch (SQLException e) {
      throw new IllegalStateException("test database: clearing hotline tables", e);
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
