package org.tiptrace.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.tiptrace.tip.AgencyId;

/**
 * One stored account.
 *
 * @param username as created; look-ups ignore case
 * @param passwordHash an encoded hash with its id prefix ({@code {argon2}…}, {@code {bcrypt}…})
 * @param roles role names; the web app maps them to its roles and refuses unknown ones
 * @param totpSecret the Base32 TOTP secret when enrolled; never printed
 * @param totpLastStep the last accepted TOTP time step, so a used code is refused (replay)
 * @param failedLogins failed logins since the last successful one
 */
public record Account(
    String username,
    String passwordHash,
    AgencyId agency,
    Set<String> roles,
    Optional<String> totpSecret,
    long totpLastStep,
    boolean enabled,
    int failedLogins,
    Optional<Instant> lastFailedLogin,
    Instant createdAt) {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

  public Account {
    checkUsername(username);
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(agency, "agency");
    roles = Set.copyOf(new TreeSet<>(roles));
    Objects.requireNonNull(totpSecret, "totpSecret");
    Objects.requireNonNull(lastFailedLogin, "lastFailedLogin");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The rule every user name follows; names the name and the rule. */
  public static String checkUsername(String username) {
    if (!USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "username '" + username + "' must be 1-100 letters, digits, '.', '_', '@' or '-'");
    }
    return username;
  }

  public boolean totpEnrolled() {
    return totpSecret.isPresent();
  }

  @Override
  public String toString() {
    return "Account["
        + username
        + ", agency="
        + agency
        + ", roles="
        + new TreeSet<>(roles)
        + ", totp="
        + (totpEnrolled() ? "enrolled" : "none")
        + ", enabled="
        + enabled
        + "]";
  }
}
