package org.tiptrace.store;

import java.util.Locale;
import java.util.Optional;

/** The databases the store supports, told apart by the JDBC URL's prefix. */
public enum Vendor {
  H2("jdbc:h2:", "BLOB"),
  POSTGRESQL("jdbc:postgresql:", "BYTEA");

  private final String urlPrefix;
  private final String bytesType;

  Vendor(String urlPrefix, String bytesType) {
    this.urlPrefix = urlPrefix;
    this.bytesType = bytesType;
  }

  /** The vendor of a JDBC URL, or empty when the store does not support it. */
  public static Optional<Vendor> ofUrl(String jdbcUrl) {
    String lower = jdbcUrl.toLowerCase(Locale.ROOT);
    for (Vendor v : values()) {
      if (lower.startsWith(v.urlPrefix)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  public String urlPrefix() {
    return urlPrefix;
  }

  /** Column type of archived bytes: the Flyway placeholder {@code bytes_type} in migrations. */
  String bytesType() {
    return bytesType;
  }
}
