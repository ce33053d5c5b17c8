package org.tiptrace.app.system;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Between the password and the TOTP code: the session knows who typed a correct password, but the
 * only thing this authority allows is the second step ({@code /login/totp}). It carries no role and
 * no agency, so every other route refuses it.
 */
final class PendingTotpAuthentication extends AbstractAuthenticationToken {
  private static final long serialVersionUID = 1L;
  static final String AUTHORITY = "TOTP_PENDING";

  private final String username;
  private final boolean enrolling;

  PendingTotpAuthentication(String username, boolean enrolling) {
    super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
    this.username = username;
    this.enrolling = enrolling;
    setAuthenticated(true);
  }

  /** True when the account has no secret yet and must enrol one. */
  boolean enrolling() {
    return enrolling;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return username;
  }

  @Override
  public String getName() {
    return username;
  }
}
