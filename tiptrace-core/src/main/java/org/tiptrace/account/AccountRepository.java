package org.tiptrace.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tiptrace.tip.AgencyId;

/**
 * Where accounts, agencies and API tokens are kept. User names are matched without regard to case.
 * Every change takes the instant from the caller (the app's clock).
 */
public interface AccountRepository {

  /** Registers the agency unless it exists; true when it was new. */
  boolean addAgency(AgencyId agency, String name, Instant at);

  List<AgencyId> agencies();

  /**
   * Creates the account (and its agency, if new) unless a user of that name exists.
   *
   * @return true when created, false when the name was taken
   */
  boolean create(NewAccount account, Instant at);

  Optional<Account> find(String username);

  List<Account> list();

  /** Enables or disables; false when there is no such user. */
  boolean setEnabled(String username, boolean enabled);

  /** Sets (or with empty, removes) the TOTP secret and resets the last used step. */
  boolean setTotpSecret(String username, Optional<String> base32Secret);

  /**
   * Records that the TOTP code of {@code step} was used, only if it is later than the last used
   * step: false means the code (or an earlier one) was already used, a replay.
   */
  boolean useTotpStep(String username, long step);

  void recordFailedLogin(String username, Instant at);

  void recordSuccessfulLogin(String username);

  /** Stores a token digest; returns the stored token with its id. */
  ApiToken addToken(
      String username, String label, String sha256, Instant createdAt, Instant expiresAt);

  Optional<ApiToken> findToken(String sha256);

  List<ApiToken> tokens(String username);

  /** Revokes token {@code id} of {@code username}; false when there is no such active token. */
  boolean revokeToken(String username, long id, Instant at);

  void tokenUsed(long id, Instant at);

  /** Every agency with its display name, by code. */
  List<Agency> agencyList();

  /** Sets the display name of {@code agency}; false when there is no such agency. */
  boolean renameAgency(AgencyId agency, String name);

  /** Replaces the roles of {@code username}; false when there is no such user. */
  boolean setRoles(String username, java.util.Set<String> roles);

  /** Replaces the password hash of {@code username}; false when there is no such user. */
  boolean setPasswordHash(String username, String passwordHash);
}
