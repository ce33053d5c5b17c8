package org.tiptrace.app.system;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the database is. The password is never part of {@link #toString()}, so the settings can be
 * logged or put in an error message as they are.
 *
 * @param url a JDBC URL ({@code jdbc:h2:file:…}, {@code jdbc:postgresql://…})
 * @param secretKey the key file that seals TOTP secrets; when absent, an H2 file database uses
 *     {@code secret.key} beside it (generated on first start), an in-memory one a key of this
 *     process, and any other database cannot be opened (decision 0016)
 * @param indexCache the directory of the hash-set index cache ({@link #INDEX_CACHE_ENV}); when
 *     absent, an H2 file database uses {@code index-cache} beside it, and any other database has no
 *     cache (every start builds the indexes from the database; decision 0019)
 */
public record DatabaseSettings(
    String url,
    Optional<String> user,
    Optional<String> password,
    Optional<SecretKeyLocation> secretKey,
    Optional<Path> indexCache) {

  /** The environment variable (and {@code tiptrace.hashsets.index-cache}) naming the cache. */
  public static final String INDEX_CACHE_ENV = "TIPTRACE_INDEX_CACHE";

  public DatabaseSettings(String url, Optional<String> user, Optional<String> password) {
    this(url, user, password, Optional.empty());
  }

  public DatabaseSettings(
      String url,
      Optional<String> user,
      Optional<String> password,
      Optional<SecretKeyLocation> secretKey) {
    this(url, user, password, secretKey, Optional.empty());
  }

  /** These settings with {@code location} as the secret key file. */
  public DatabaseSettings withSecretKey(SecretKeyLocation location) {
    return new DatabaseSettings(url, user, password, Optional.of(location), indexCache);
  }

  /** These settings with {@code dir} as the hash-set index cache. */
  public DatabaseSettings withIndexCache(Path dir) {
    return new DatabaseSettings(url, user, password, secretKey, Optional.of(dir));
  }

  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(indexCache, "indexCache");
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("database URL must start with 'jdbc:', was '" + url + "'");
    }
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url="
        + url
        + ", user="
        + user.orElse("")
        + ", password="
        + (password.isPresent() ? "****" : "")
        + secretKey.map(k -> ", secretKey=" + k.file()).orElse("")
        + indexCache.map(d -> ", indexCache=" + d).orElse("")
        + "]";
  }
}
