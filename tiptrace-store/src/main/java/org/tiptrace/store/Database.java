package org.tiptrace.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tiptrace.audit.AuditLog;
import org.tiptrace.intake.RawArchive;
import org.tiptrace.store.audit.JdbcAuditLog;
import org.tiptrace.tip.TipRepository;

/**
 * The store's entry point: opens a connection pool, brings the schema up to date, and hands out the
 * repositories.
 *
 * <p>Migrations: Flyway, {@code classpath:db/migration}, one script set for H2 and PostgreSQL.
 * Where a type must differ, the script uses a placeholder set here ({@code ${bytes_type}}: BLOB on
 * H2, BYTEA on PostgreSQL) rather than vendor folders, so every migration stays in one file and one
 * version sequence.
 *
 * <pre>{@code
 * try (Database db = Database.open(DatabaseConfig.h2File(dataDir))) {
 *   Intake intake = new Intake(db.rawArchive(), db.tips(), DocumentReaders.standard(), limits);
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** Where Flyway looks for migrations. */
  public static final String MIGRATIONS = "classpath:db/migration";

  private final DatabaseConfig config;
  private final HikariDataSource dataSource;
  private final JdbcRawArchive rawArchive;
  private final JdbcTipRepository tips;

  private Database(DatabaseConfig config, HikariDataSource dataSource) {
    this.config = config;
    this.dataSource = dataSource;
    this.rawArchive = new JdbcRawArchive(dataSource);
    this.tips = new JdbcTipRepository(dataSource);
  }

  /**
   * Opens the database and migrates it.
   *
   * @throws StoreException when it cannot be reached or migrated; the message names the masked URL
   *     and the cause is the driver's or Flyway's exception
   */
  public static Database open(DatabaseConfig config) {
    createH2Folder(config);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hikari(config));
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot connect to "
              + DatabaseConfig.URL_PROPERTY
              + "="
              + config.maskedUrl()
              + " as "
              + config.user().orElse("(default user)")
              + ": "
              + rootMessage(e),
          e);
    }
    try {
      migrate(config, ds);
    } catch (FlywayException e) {
      ds.close();
      throw new StoreException(
          "cannot migrate the schema of "
              + DatabaseConfig.URL_PROPERTY
              + "="
              + config.maskedUrl()
              + ": "
              + rootMessage(e),
          e);
    }
    LOG.info("store open: {} ({})", config.maskedUrl(), config.vendor());
    return new Database(config, ds);
  }

  /** The default database: H2 file {@code tiptrace.mv.db} in {@code dataDir}. */
  public static Database openDataDir(Path dataDir) {
    return open(DatabaseConfig.h2File(dataDir));
  }

  /** A fresh, private in-memory H2 database, for tests; gone when closed. */
  public static Database inMemory() {
    return open(DatabaseConfig.h2InMemory("tiptrace-" + UUID.randomUUID()));
  }

  public DatabaseConfig config() {
    return config;
  }

  public Vendor vendor() {
    return config.vendor();
  }

  /** The migrated, pooled data source (for other repositories of the store). */
  public DataSource dataSource() {
    return dataSource;
  }

  public RawArchive rawArchive() {
    return rawArchive;
  }

  public TipRepository tips() {
    return tips;
  }

  /** The audit log of this database, stamping entries with {@code clock}. */
  public AuditLog auditLog(Clock clock) {
    return new JdbcAuditLog(dataSource, clock);
  }

  /** Closes the pool; an in-memory H2 database is dropped. */
  @Override
  public void close() {
    if (dataSource.isClosed()) {
      return;
    }
    dataSource.close();
    if (config.inMemory()) {
      // DB_CLOSE_DELAY=-1 kept it alive while the pool was idle; now drop it.
      try (Connection c =
              DriverManager.getConnection(
                  config.url(), config.user().orElse(""), config.password().orElse(""));
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        if (!"90121".equals(e.getSQLState())) { // "database is already closed" on close()
          LOG.warn("in-memory database {} did not shut down cleanly", config.maskedUrl(), e);
        }
      }
    }
  }

  private static HikariConfig hikari(DatabaseConfig config) {
    HikariConfig h = new HikariConfig();
    h.setPoolName("tiptrace-store");
    h.setJdbcUrl(config.url());
    config.user().ifPresent(h::setUsername);
    config.password().ifPresent(h::setPassword);
    h.setMaximumPoolSize(config.maximumPoolSize());
    h.setMinimumIdle(Math.min(2, config.maximumPoolSize()));
    h.setAutoCommit(true);
    return h;
  }

  private static void migrate(DatabaseConfig config, DataSource ds) {
    Flyway.configure()
        .dataSource(ds)
        .locations(MIGRATIONS)
        .placeholders(Map.of("bytes_type", config.vendor().bytesType()))
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  private static void createH2Folder(DatabaseConfig config) {
    String prefix = "jdbc:h2:file:";
    if (!config.url().regionMatches(true, 0, prefix, 0, prefix.length())) {
      return;
    }
    String path = config.url().substring(prefix.length());
    int semicolon = path.indexOf(';');
    if (semicolon >= 0) {
      path = path.substring(0, semicolon);
    }
    Path folder = Path.of(path).toAbsolutePath().getParent();
    if (folder == null) {
      return;
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the data folder '"
              + folder
              + "' of "
              + DatabaseConfig.URL_PROPERTY
              + "="
              + config.maskedUrl()
              + ": "
              + e,
          e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return DatabaseConfig.mask(String.valueOf(t.getMessage()));
  }
}
