package org.tiptrace.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored API token: only the SHA-256 of the secret is kept, so a stolen database gives no usable
 * token.
 *
 * @param id the public number shown by {@code tokens list} and used by {@code tokens revoke}
 * @param sha256 lower-case hex SHA-256 of the token's UTF-8 text
 */
public record ApiToken(
    long id,
    String username,
    String label,
    String sha256,
    Instant createdAt,
    Instant expiresAt,
    Optional<Instant> revokedAt,
    Optional<Instant> lastUsedAt) {
  public ApiToken {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
  }

  /** Usable at {@code now}: not revoked and not expired. */
  public boolean activeAt(Instant now) {
    return revokedAt.isEmpty() && now.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "ApiToken[" + id + ", " + username + ", " + label + ", expires " + expiresAt + "]";
  }
}
