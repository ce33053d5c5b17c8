package org.tiptrace.app.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tiptrace.account.ApiToken;
import org.tiptrace.app.web.ApiError;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;

/**
 * {@code Authorization: Bearer tt_…} on {@code /api/**}: the token's SHA-256 is looked up; an
 * active token of an enabled account authenticates the request as that account (its agency and
 * roles). An unknown, expired or revoked token answers 401 in the API's JSON shape and counts as a
 * failure of the remote address. Every use and every refusal is audited. Requests without a bearer
 * header pass on to Basic.
 */
final class BearerTokenFilter extends OncePerRequestFilter {
  private static final String BEARER = "bearer ";

  private final UserAccounts users;
  private final LoginThrottle throttle;
  private final AuditTrail audit;
  private final Clock clock;

  BearerTokenFilter(UserAccounts users, LoginThrottle throttle, AuditTrail audit, Clock clock) {
    this.users = users;
    this.throttle = throttle;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Instant> blocked = throttle.addressBlockedUntil(address);
    if (blocked.isPresent()) {
      audit.record(
          "(bearer token)",
          Optional.empty(),
          AuditAction.LOGIN_THROTTLED,
          AuditSubjectType.NONE,
          "",
          "api bearer: from " + address + ", refused until " + blocked.get());
      response.setHeader("Retry-After", Long.toString(secondsUntil(blocked.get())));
      new ApiError(429, "too many failed attempts; retry later", request.getRequestURI())
          .writeTo(response);
      return;
    }
    Instant now = clock.instant();
    String token = header.substring(BEARER.length()).trim();
    Optional<ApiToken> found = users.repository().findToken(ApiTokens.digest(token));
    Optional<TiptraceUser> owner = found.flatMap(t -> users.load(t.username()));
    String refusal =
        found.isEmpty()
            ? "unknown token"
            : found.get().revokedAt().isPresent()
                ? "revoked"
                : !found.get().activeAt(now)
                    ? "expired"
                    : owner.isEmpty() || !owner.get().isEnabled() ? "account disabled" : "";
    if (!refusal.isEmpty()) {
      throttle.addressFailed(address);
      audit.record(
          found.map(ApiToken::username).orElse("(unknown token)"),
          owner.map(TiptraceUser::agency),
          AuditAction.TOKEN_REFUSED,
          AuditSubjectType.API_TOKEN,
          found.map(t -> Long.toString(t.id())).orElse(""),
          refusal + ", from " + address);
      response.setHeader(
          "WWW-Authenticate", "Bearer realm=\"Tiptrace API\", error=\"invalid_token\"");
      new ApiError(401, "invalid, expired or revoked token", request.getRequestURI())
          .writeTo(response);
      return;
    }
    ApiToken used = found.orElseThrow();
    TiptraceUser user = owner.orElseThrow();
    user.eraseCredentials();
    users.repository().tokenUsed(used.id(), now);
    audit.record(
        user.getUsername(),
        Optional.of(user.agency()),
        AuditAction.TOKEN_USED,
        AuditSubjectType.API_TOKEN,
        Long.toString(used.id()),
        request.getMethod() + " " + request.getRequestURI());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private long secondsUntil(Instant until) {
    return Math.max(1, java.time.Duration.between(clock.instant(), until).toSeconds() + 1);
  }
}
