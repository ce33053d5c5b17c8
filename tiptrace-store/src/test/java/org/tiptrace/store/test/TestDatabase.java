package org.tiptrace.store.test;

import org.jspecify.annotations.Nullable;
import org.tiptrace.intake.RawArchive;
import org.tiptrace.store.Database;
import org.tiptrace.store.DatabaseConfig;
import org.tiptrace.tip.TipRepository;

/**
 * One test's database, opened and migrated. Closing it closes the pool and drops what the test
 * created (the in-memory database, or the PostgreSQL schema).
 */
public final class TestDatabase implements AutoCloseable {
  private final DatabaseConfig config;
  private final TestBackend.@Nullable Cleanup cleanup;
  private @Nullable Database database;

  private TestDatabase(DatabaseConfig config, TestBackend.@Nullable Cleanup cleanup) {
    this.config = config;
    this.cleanup = cleanup;
  }

  static TestDatabase open(DatabaseConfig config, TestBackend.@Nullable Cleanup cleanup) {
    TestDatabase db = new TestDatabase(config, cleanup);
    db.database = Database.open(config);
    return db;
  }

  /** How to reach this database, for example from a child process. */
  public DatabaseConfig config() {
    return config;
  }

  public Database database() {
    if (database == null) {
      throw new IllegalStateException("the test database is closed; reopen() it first");
    }
    return database;
  }

  public RawArchive archive() {
    return database().rawArchive();
  }

  public TipRepository tips() {
    return database().tips();
  }

  /** Closes the pool but keeps the data (for a durable database: an H2 file or a schema). */
  public void closeDatabase() {
    if (database != null) {
      database.close();
      database = null;
    }
  }

  /** Opens the same database again (migrations run again, finding nothing to do). */
  public Database reopen() {
    closeDatabase();
    database = Database.open(config);
    return database;
  }

  @Override
  public void close() {
    closeDatabase();
    if (cleanup != null) {
      cleanup.run();
    }
  }

  @Override
  public String toString() {
    return "TestDatabase[" + config.maskedUrl() + "]";
  }
}
