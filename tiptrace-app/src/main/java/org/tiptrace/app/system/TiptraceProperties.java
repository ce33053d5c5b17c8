package org.tiptrace.app.system;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code tiptrace.*} configuration of the web app.
 *
 * @param users {@code tiptrace.users[i].username|password-hash|agency|roles}
 * @param db {@code tiptrace.db.url|user|password}: used only when the app is started without the
 *     CLI (which opens the database itself and hands it over)
 */
@ConfigurationProperties("tiptrace")
public record TiptraceProperties(@Nullable List<User> users, @Nullable Db db) {

  public List<User> usersOrEmpty() {
    return users == null ? List.of() : users;
  }

  /** One configured user, as bound; checked by {@link UserAccounts}. */
  public record User(
      @Nullable String username,
      @Nullable String passwordHash,
      @Nullable String agency,
      @Nullable List<String> roles) {}

  public record Db(@Nullable String url, @Nullable String user, @Nullable String password) {
    public Optional<DatabaseSettings> settings() {
      if (url == null || url.isBlank()) {
        return Optional.empty();
      }
      return Optional.of(
          new DatabaseSettings(url, Optional.ofNullable(user), Optional.ofNullable(password)));
    }
  }
}
