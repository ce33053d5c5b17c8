package org.tiptrace.app.hotline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tiptrace.intake.hotline.Platform;
import org.tiptrace.intake.hotline.PlatformCredentials;
import org.tiptrace.tip.AgencyId;

/**
 * The platform accounts from configuration, checked once at start: every error names the property
 * ({@code tiptrace.hotline.platforms[i].…}) and what is wrong, and never echoes a hash. The demo
 * adds its own platform at run time through {@link #add}.
 */
public final class ConfiguredPlatforms implements PlatformCredentials {
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();

  ConfiguredPlatforms(List<HotlineProperties.Entry> entries) {
    Map<String, Account> checked = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      HotlineProperties.Entry e = entries.get(i);
      String prefix = "tiptrace.hotline.platforms[" + i + "].";
      String username = require(e.username(), prefix + "username");
      String hash = require(e.passwordHash(), prefix + "password-hash");
      if (!hash.startsWith("{bcrypt}") && !hash.startsWith("{argon2}")) {
        throw new IllegalArgumentException(
            prefix + "password-hash must be a {bcrypt} or {argon2} hash, never a plain password");
      }
      AgencyId agency;
      Platform platform;
      try {
        agency = new AgencyId(require(e.agency(), prefix + "agency"));
        platform = new Platform(username, agency);
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(prefix + ": " + ex.getMessage(), ex);
      }
      if (checked.put(username, new Account(platform, hash, e.enabled() == null || e.enabled()))
          != null) {
        throw new IllegalArgumentException(
            prefix + "username '" + username + "' is configured twice");
      }
    }
    accounts.putAll(checked);
  }

  /** Adds (or replaces) a platform account, for the demo's printed credentials. */
  public void add(Platform platform, String passwordHash) {
    accounts.put(platform.username(), new Account(platform, passwordHash, true));
  }

  @Override
  public Optional<Account> find(String username) {
    return Optional.ofNullable(accounts.get(username));
  }

  private static String require(@org.jspecify.annotations.Nullable String value, String property) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(property + " is required");
    }
    return value.strip();
  }
}
