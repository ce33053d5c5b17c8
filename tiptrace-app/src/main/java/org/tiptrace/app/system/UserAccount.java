package org.tiptrace.app.system;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.tiptrace.tip.AgencyId;

/**
 * One user who may log in: a configured user or the demo user.
 *
 * @param passwordHash an encoded hash with its id prefix, {@code {bcrypt}…} or {@code {argon2}…};
 *     never a plain password
 */
public record UserAccount(String username, String passwordHash, AgencyId agency, Set<Role> roles) {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
  private static final Pattern HASH = Pattern.compile("\\{(bcrypt|argon2)}.+");

  public UserAccount {
    Objects.requireNonNull(agency, "agency");
    if (!USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "username '" + username + "' must be 1-100 letters, digits, '.', '_', '@' or '-'");
    }
    if (!HASH.matcher(passwordHash).matches()) {
      // The value is not echoed: it may be a plain password pasted by mistake.
      throw new IllegalArgumentException(
          "password hash of user '"
              + username
              + "' must start with {bcrypt} or {argon2} (a plain password is not accepted)");
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("user '" + username + "' needs at least one role");
    }
    roles = Set.copyOf(EnumSet.copyOf(roles));
  }

  @Override
  public String toString() {
    return "UserAccount[" + username + ", agency=" + agency + ", roles=" + roles + "]";
  }
}
