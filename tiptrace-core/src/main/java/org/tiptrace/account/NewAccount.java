package org.tiptrace.account;

import java.util.Objects;
import java.util.Set;
import org.tiptrace.tip.AgencyId;

/** An account to create: enabled, no second factor, no failures. */
public record NewAccount(String username, String passwordHash, AgencyId agency, Set<String> roles) {
  public NewAccount {
    Account.checkUsername(username);
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(agency, "agency");
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("user '" + username + "' needs at least one role");
    }
    roles = Set.copyOf(roles);
  }

  @Override
  public String toString() {
    return "NewAccount[" + username + ", agency=" + agency + ", roles=" + roles + "]";
  }
}
