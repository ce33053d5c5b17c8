package org.tiptrace.app.system;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the database is. The password is never part of {@link #toString()}, so the settings can be
 * logged or put in an error message as they are.
 *
 * @param url a JDBC URL ({@code jdbc:h2:file:…}, {@code jdbc:postgresql://…})
 */
public record DatabaseSettings(String url, Optional<String> user, Optional<String> password) {

  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
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
        + "]";
  }
}
