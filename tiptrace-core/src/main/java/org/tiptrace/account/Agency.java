package org.tiptrace.account;

import java.time.Instant;
import java.util.Objects;
import org.tiptrace.tip.AgencyId;

/**
 * A registered agency: its code (the key every tip, account and audit entry carries; never changes)
 * and its display name (may be renamed).
 */
public record Agency(AgencyId code, String name, Instant createdAt) {
  /** Longest display name the store keeps. */
  public static final int MAX_NAME = 256;

  public Agency {
    Objects.requireNonNull(code, "code");
    checkName(name);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A display name: 1-256 characters, not blank, no control characters; names the rule. */
  public static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()
        || name.length() > MAX_NAME
        || name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "agency name must be 1-" + MAX_NAME + " characters without control characters");
    }
    return name;
  }
}
