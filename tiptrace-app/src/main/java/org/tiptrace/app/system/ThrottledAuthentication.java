package org.tiptrace.app.system;

import java.time.Clock;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;

/**
 * The password check of the app's chains, wrapped: a throttled attempt is refused (and audited)
 * before the password is looked at, failures count towards the throttle and the account's stored
 * count, a success clears them. On the API, an account with a second factor cannot use Basic (the
 * factor would be bypassed); it uses a bearer token.
 */
final class ThrottledAuthentication implements AuthenticationProvider {
  private final AuthenticationProvider passwords;
  private final LoginThrottle throttle;
  private final UserAccounts users;
  private final AuditTrail audit;
  private final Clock clock;
  private final String channel;
  private final boolean basicNeedsNoSecondFactor;
  private final boolean requireTotp;

  ThrottledAuthentication(
      AuthenticationProvider passwords,
      LoginThrottle throttle,
      UserAccounts users,
      AuditTrail audit,
      Clock clock,
      String channel,
      boolean api,
      boolean requireTotp) {
    this.passwords = passwords;
    this.throttle = throttle;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.channel = channel;
    this.basicNeedsNoSecondFactor = api;
    this.requireTotp = requireTotp;
  }

  static String address(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails d
            && d.getRemoteAddress() != null
        ? d.getRemoteAddress()
        : "unknown";
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    String address = address(authentication);
    Optional<java.time.Instant> until = throttle.blockedUntil(username, address);
    if (until.isPresent()) {
      audit.record(
          username,
          Optional.empty(),
          AuditAction.LOGIN_THROTTLED,
          AuditSubjectType.NONE,
          "",
          channel + ": from " + address + ", refused until " + until.get());
      throw new LoginThrottledException(until.get());
    }
    Authentication result;
    try {
      result = passwords.authenticate(authentication);
    } catch (AuthenticationException e) {
      throttle.failed(username, address);
      users.repository().recordFailedLogin(username, clock.instant());
      throw e;
    }
    throttle.succeeded(username);
    users.repository().recordSuccessfulLogin(username);
    if (basicNeedsNoSecondFactor
        && result != null
        && result.getPrincipal() instanceof TiptraceUser u
        && (u.totpEnrolled() || requireTotp)) {
      throw new SecondFactorRequiredException();
    }
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }

  /** Too many recent failures; the message says until when. */
  static final class LoginThrottledException extends AuthenticationException {
    LoginThrottledException(java.time.Instant until) {
      super("too many failed logins; try again after " + until);
    }
  }

  /** Basic auth of an account that needs a second factor: use a bearer token on the API. */
  static final class SecondFactorRequiredException extends AuthenticationException {
    SecondFactorRequiredException() {
      super("this account needs a second factor: use an API token (Authorization: Bearer)");
    }
  }
}
