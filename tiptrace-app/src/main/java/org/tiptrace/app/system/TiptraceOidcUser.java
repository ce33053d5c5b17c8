package org.tiptrace.app.system;

import java.util.List;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * An OIDC sign-in that {@link OidcAccounts} matched to an enabled account. It grants nothing: it
 * lives only between the token check and {@link OidcLogin}'s success handler, which replaces it
 * with the account's own principal (or the pending TOTP step).
 */
final class TiptraceOidcUser extends DefaultOidcUser {
  private static final long serialVersionUID = 1L;

  private final String username;
  private final String subject;
  private final boolean mfa;

  TiptraceOidcUser(OidcUser idpUser, String username, String subject, boolean mfa) {
    super(List.of(), idpUser.getIdToken(), idpUser.getUserInfo());
    this.username = username;
    this.subject = subject;
    this.mfa = mfa;
  }

  /** The Tiptrace account's user name. */
  String username() {
    return username;
  }

  /** The identity's subject (the configured subject claim). */
  String subject() {
    return subject;
  }

  /** True when the ID token proves multi-factor authentication by a configured amr/acr value. */
  boolean mfa() {
    return mfa;
  }

  @Override
  public String getName() {
    return username;
  }
}
