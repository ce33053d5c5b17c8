package org.tiptrace.app.testing;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.tiptrace.app.system.DatabaseSettings;
import org.tiptrace.app.system.SecretKeyLocation;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;

/**
 * A fresh database for one test, to be opened with {@link TiptraceBackend#open}: H2, or a
 * PostgreSQL schema of its own (the store's {@link TestBackend}; skipped unless {@value
 * TestBackend#PG_URL_ENV} is set). {@link #drop()} removes what the test created.
 */
public final class TestStorage {
  private final DatabaseSettings settings;
  private final Optional<TestDatabase> schema;

  private TestStorage(DatabaseSettings settings, Optional<TestDatabase> schema) {
    this.settings = settings;
    this.schema = schema;
  }

  /** H2 in memory (gone when the backend closes), or a new PostgreSQL schema. */
  public static TestStorage fresh(TestBackend backend) {
    return switch (backend) {
      case H2 ->
          new TestStorage(
              new DatabaseSettings(
                  "jdbc:h2:mem:app-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                  Optional.of("sa"),
                  Optional.of("")),
              Optional.empty());
      case POSTGRESQL -> postgres();
    };
  }

  /**
   * A database that outlives its connections, as the CLI's does between runs: for H2 the default
   * file database of {@code dataDir} with the settings the CLI uses when given no {@code --db-url},
   * or a new PostgreSQL schema.
   */
  public static TestStorage durable(TestBackend backend, Path dataDir) {
    return switch (backend) {
      case H2 -> new TestStorage(TiptraceBackend.defaultSettings(dataDir), Optional.empty());
      // the key in the data folder, where the CLI looks for it when given a PostgreSQL URL
      case POSTGRESQL -> postgres(dataDir);
    };
  }

  private static TestStorage postgres() {
    try {
      return postgres(java.nio.file.Files.createTempDirectory("tiptrace-key"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static TestStorage postgres(Path keyDir) {
    TestDatabase db = TestBackend.POSTGRESQL.open();
    db.closeDatabase(); // the schema stays, migrated; the app opens its own pool on it
    return new TestStorage(
        new DatabaseSettings(db.config().url(), db.config().user(), db.config().password())
            .withSecretKey(SecretKeyLocation.inDataDir(keyDir))
            // and the hash-set index cache there too, as the CLI does for a PostgreSQL URL
            .withIndexCache(keyDir.resolve("index-cache")),
        Optional.of(db));
  }

  public DatabaseSettings settings() {
    return settings;
  }

  public TiptraceBackend open() {
    return TiptraceBackend.open(settings);
  }

  /** Drops the PostgreSQL schema; H2 needs nothing (memory is freed on close, files are temp). */
  public void drop() {
    schema.ifPresent(TestDatabase::close);
  }
}
