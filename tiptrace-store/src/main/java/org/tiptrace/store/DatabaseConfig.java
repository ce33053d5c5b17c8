package org.tiptrace.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where the store's database is and how to log in. Checks itself: an error names the property and
 * its value (with any password masked).
 *
 * @param url JDBC URL ({@value #URL_PROPERTY}); {@code jdbc:h2:…} or {@code jdbc:postgresql:…}
 * @param user ({@value #USER_PROPERTY}); absent: the driver's default
 * @param password ({@value #PASSWORD_PROPERTY}); never printed
 * @param maximumPoolSize connections in the pool ({@value #POOL_SIZE_PROPERTY}), 1..{@value
 *     #MAX_POOL_SIZE}
 */
public record DatabaseConfig(
    String url, Optional<String> user, Optional<String> password, int maximumPoolSize) {

  public static final String URL_PROPERTY = "tiptrace.store.url";
  public static final String USER_PROPERTY = "tiptrace.store.user";
  public static final String PASSWORD_PROPERTY = "tiptrace.store.password";
  public static final String POOL_SIZE_PROPERTY = "tiptrace.store.pool-size";
  public static final String DATA_DIR_PROPERTY = "tiptrace.data-dir";
  public static final int DEFAULT_POOL_SIZE = 8;
  public static final int MAX_POOL_SIZE = 200;

  /**
   * Settings of the default H2 file database. {@code WRITE_DELAY=0}: H2 has no redo log and by
   * default writes committed changes to its file up to 500 ms later, so a killed process would lose
   * transactions it had reported as committed. With 0, every commit is written to the file before
   * the commit returns (into the OS cache: it survives the process being killed; it is not fsynced,
   * so a power cut can still lose the last commits, use PostgreSQL where that matters).
   */
  public static final String H2_FILE_SETTINGS = ";WRITE_DELAY=0";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

  public DatabaseConfig {
    Objects.requireNonNull(url, URL_PROPERTY);
    Objects.requireNonNull(user, USER_PROPERTY);
    Objects.requireNonNull(password, PASSWORD_PROPERTY);
    if (url.isBlank()) {
      throw new IllegalArgumentException(URL_PROPERTY + " must be a JDBC URL, was empty");
    }
    if (Vendor.ofUrl(url).isEmpty()) {
      throw new IllegalArgumentException(
          URL_PROPERTY + " must start with jdbc:h2: or jdbc:postgresql:, was '" + mask(url) + "'");
    }
    if (maximumPoolSize < 1 || maximumPoolSize > MAX_POOL_SIZE) {
      throw new IllegalArgumentException(
          POOL_SIZE_PROPERTY + " must be 1.." + MAX_POOL_SIZE + ", was " + maximumPoolSize);
    }
  }

  /** A configuration with the default pool size; {@code user} and {@code password} may be null. */
  public static DatabaseConfig of(String url, @Nullable String user, @Nullable String password) {
    return new DatabaseConfig(
        url, Optional.ofNullable(user), Optional.ofNullable(password), DEFAULT_POOL_SIZE);
  }

  /**
   * The default: an H2 file database {@code tiptrace.mv.db} in {@code dataDir} ({@value
   * #DATA_DIR_PROPERTY}), with {@link #H2_FILE_SETTINGS}. The folder is created when the database
   * opens.
   */
  public static DatabaseConfig h2File(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    String text = dir.toString().replace('\\', '/');
    if (text.contains(";")) {
      throw new IllegalArgumentException(
          DATA_DIR_PROPERTY + " must not contain ';' (it ends a JDBC URL), was '" + text + "'");
    }
    return new DatabaseConfig(
        "jdbc:h2:file:" + text + "/tiptrace" + H2_FILE_SETTINGS,
        Optional.of("sa"),
        Optional.of(""),
        DEFAULT_POOL_SIZE);
  }

  /**
   * A private in-memory H2 database for tests, alive until the {@link Database} is closed.
   *
   * @param name letters, digits, '_' or '-'; the same name in one JVM is the same database
   */
  public static DatabaseConfig h2InMemory(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "in-memory database name must be 1-64 letters, digits, '_' or '-', was '" + name + "'");
    }
    return new DatabaseConfig(
        "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
        Optional.of("sa"),
        Optional.of(""),
        DEFAULT_POOL_SIZE);
  }

  public DatabaseConfig withMaximumPoolSize(int size) {
    return new DatabaseConfig(url, user, password, size);
  }

  public Vendor vendor() {
    return Vendor.ofUrl(url).orElseThrow();
  }

  /** True for an H2 database that lives only in this JVM's memory. */
  public boolean inMemory() {
    return vendor() == Vendor.H2 && url.regionMatches(true, 0, "jdbc:h2:mem:", 0, 12);
  }

  /** The URL with any password in it replaced by {@code ****}: the form for logs and messages. */
  public String maskedUrl() {
    return mask(url);
  }

  static String mask(String url) {
    String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1****");
    return USER_INFO.matcher(masked).replaceAll("$1****@");
  }

  @Override
  public String toString() {
    return "DatabaseConfig[url="
        + maskedUrl()
        + ", user="
        + user.orElse("(default)")
        + ", password="
        + (password.isPresent() ? "****" : "(none)")
        + ", maximumPoolSize="
        + maximumPoolSize
        + "]";
  }
}
