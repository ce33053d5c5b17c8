package org.tiptrace.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.tiptrace.account.Account;
import org.tiptrace.account.Totp;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;

/**
 * The second login step. After a correct password the form login's success handler ({@link
 * #afterPassword()}) replaces the session's authentication with a {@link PendingTotpAuthentication}
 * when the account has a TOTP secret, or must enrol one ({@code tiptrace.security.require-totp});
 * {@link #verify} then checks the code, refuses a code already used (the account's last used step),
 * and only then stores the full authentication under a new session id. Wrong codes count towards
 * the login throttle; every outcome is audited.
 */
@Component
final class TotpLogin {
  static final String ENROL_SECRET = "tiptrace.totp.enrol-secret";

  private final UserAccounts users;
  private final AuditTrail audit;
  private final LoginThrottle throttle;
  private final SecuritySettings settings;
  private final Clock clock;
  private final SecurityContextRepository contexts =
      new DelegatingSecurityContextRepository(
          new RequestAttributeSecurityContextRepository(),
          new HttpSessionSecurityContextRepository());

  TotpLogin(
      UserAccounts users,
      AuditTrail audit,
      LoginThrottle throttle,
      SecuritySettings settings,
      Clock clock) {
    this.users = users;
    this.audit = audit;
    this.throttle = throttle;
    this.settings = settings;
    this.clock = clock;
  }

  SecurityContextRepository contexts() {
    return contexts;
  }

  SecuritySettings settings() {
    return settings;
  }

  AuthenticationSuccessHandler afterPassword() {
    return (request, response, authentication) -> {
      if (authentication.getPrincipal() instanceof TiptraceUser user
          && (user.totpEnrolled() || settings.requireTotp())) {
        boolean enrolling = !user.totpEnrolled();
        save(new PendingTotpAuthentication(user.getUsername(), enrolling), request, response);
        response.sendRedirect(
            request.getContextPath() + (enrolling ? "/login/totp/enrol" : "/login/totp"));
        return;
      }
      response.sendRedirect(request.getContextPath() + "/queue");
    };
  }

  /** The pending login of this request, if any. */
  static Optional<PendingTotpAuthentication> pending() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a instanceof PendingTotpAuthentication p ? Optional.of(p) : Optional.empty();
  }

  /** What a code check decided. */
  enum Outcome {
    SIGNED_IN,
    WRONG_CODE,
    THROTTLED
  }

  /**
   * Checks {@code code} for the pending user: against the stored secret, or when enrolling against
   * {@code enrolSecret} (which is then stored). On success the full authentication replaces the
   * pending one under a new session id.
   */
  Outcome verify(
      PendingTotpAuthentication pending,
      String code,
      Optional<String> enrolSecret,
      HttpServletRequest request,
      HttpServletResponse response) {
    String username = pending.getName();
    String address = request.getRemoteAddr();
    Optional<Instant> until = throttle.blockedUntil(username, address);
    Optional<Account> account = users.account(username).filter(Account::enabled);
    if (until.isPresent()) {
      audit.record(
          username,
          account.map(Account::agency),
          AuditAction.LOGIN_THROTTLED,
          AuditSubjectType.NONE,
          "",
          "totp: from " + address + ", refused until " + until.get());
      return Outcome.THROTTLED;
    }
    Optional<String> secret =
        pending.enrolling() ? enrolSecret : account.flatMap(Account::totpSecret);
    if (account.isEmpty() || secret.isEmpty()) {
      return fail(username, account, address, "no account or secret");
    }
    OptionalLong step = new Totp(clock).match(secret.get(), code);
    if (step.isEmpty()) {
      return fail(username, account, address, "wrong code");
    }
    if (pending.enrolling()) {
      users.repository().setTotpSecret(username, secret);
      audit.record(
          username,
          account.map(Account::agency),
          AuditAction.TOTP_ENROLLED,
          AuditSubjectType.USER,
          username,
          "at login");
    }
    if (!users.repository().useTotpStep(username, step.getAsLong())) {
      return fail(username, account, address, "code already used");
    }
    throttle.succeeded(username);
    TiptraceUser user = users.load(username).orElseThrow();
    user.eraseCredentials();
    request.changeSessionId();
    save(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()),
        request,
        response);
    request.getSession().removeAttribute(ENROL_SECRET);
    audit.record(
        username,
        Optional.of(user.agency()),
        AuditAction.TOTP_SUCCEEDED,
        AuditSubjectType.NONE,
        "",
        "form: from " + address);
    return Outcome.SIGNED_IN;
  }

  private Outcome fail(String username, Optional<Account> account, String address, String reason) {
    throttle.failed(username, address);
    users.repository().recordFailedLogin(username, clock.instant());
    audit.record(
        username,
        account.map(Account::agency),
        AuditAction.TOTP_FAILED,
        AuditSubjectType.NONE,
        "",
        reason + ", from " + address);
    return Outcome.WRONG_CODE;
  }

  /**
   * Puts {@code authentication} in the session: the full login, or the pending TOTP step (used by
   * {@link OidcLogin} after a single sign-on, exactly as after a password).
   */
  void signIn(
      Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
    save(authentication, request, response);
  }

  private void save(
      Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }
}
