package org.tiptrace.intake.hotline;

import java.util.Optional;

/**
 * Where the app finds a platform's credentials. Verifying the password (a slow, salted hash) is the
 * app's job; core only names the platform and its agency.
 */
public interface PlatformCredentials {

  /**
   * A platform account.
   *
   * @param passwordHash the stored hash in the app's encoder format (never the password)
   * @param enabled false when the account is suspended: the app answers 2000
   */
  record Account(Platform platform, String passwordHash, boolean enabled) {
    @Override
    public String toString() {
      return "Account[" + platform + ", passwordHash=****, enabled=" + enabled + "]";
    }
  }

  Optional<Account> find(String username);
}
