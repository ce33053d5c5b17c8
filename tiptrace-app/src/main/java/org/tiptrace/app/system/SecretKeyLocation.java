package org.tiptrace.app.system;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the key that seals TOTP secrets is kept (decision 0016).
 *
 * @param file a text file: the current key (Base64 of 32 bytes) on the first line, earlier keys
 *     (still accepted for reading, re-sealed on start) on further lines, {@code #} comments
 * @param createIfMissing true for the data directory's default {@code secret.key}, generated on
 *     first start with owner-only permissions; false for a file named by {@code
 *     TIPTRACE_SECRET_KEY_FILE} or {@code tiptrace.security.secret-key-file}, which must exist
 */
public record SecretKeyLocation(Path file, boolean createIfMissing) {
  /** The environment variable that names the key file. */
  public static final String ENV = "TIPTRACE_SECRET_KEY_FILE";

  /** The key file's name in the data directory. */
  public static final String DEFAULT_NAME = "secret.key";

  public SecretKeyLocation {
    Objects.requireNonNull(file, "file");
  }

  /** The data directory's generated key. */
  public static SecretKeyLocation inDataDir(Path dataDir) {
    return new SecretKeyLocation(dataDir.resolve(DEFAULT_NAME), true);
  }

  /** A key file named by configuration: it must exist. */
  public static SecretKeyLocation configured(Path file) {
    return new SecretKeyLocation(file, false);
  }
}
