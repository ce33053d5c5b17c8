package org.tiptrace.app.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tiptrace.account.Account;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;

/**
 * Ends a page session whose account changed after the sign-in, on its very next request. The
 * session keeps a copy of the account ({@link TiptraceUser}: agency, roles, enabled and a stamp of
 * the credentials); each request of a signed-in session reads the stored account again (one look-up
 * by primary key) and, when it is gone or {@link TiptraceUser#staleAgainst differs}, the session is
 * invalidated, the forced sign-out is audited ({@link AuditAction#SESSION_REVOKED}) and the browser
 * is sent to {@code /login?ended}.
 *
 * <p>Nothing is remembered between requests: whoever changed the account (the administration pages,
 * the API, the CLI, another instance) and any restart in between, the stored account decides.
 * Static resources are not checked. The API chain needs no such filter: it is stateless and
 * authenticates every request against the stored account ({@link BearerTokenFilter}, HTTP Basic).
 */
final class SessionRecheck extends OncePerRequestFilter {
  static final String ENDED_PAGE = "/login?ended";
  private static final List<String> UNCHECKED = List.of("/css/", "/js/", "/webjars/");

  private final UserAccounts users;
  private final AuditTrail audit;

  SessionRecheck(UserAccounts users, AuditTrail audit) {
    this.users = users;
    this.audit = audit;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/favicon.svg") || UNCHECKED.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof TiptraceUser user)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Account> current = users.account(user.getUsername());
    Optional<String> reason =
        current.isEmpty() ? Optional.of("account removed") : user.staleAgainst(current.get());
    if (reason.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    audit.record(
        user.getUsername(),
        Optional.of(user.agency()),
        AuditAction.SESSION_REVOKED,
        AuditSubjectType.USER,
        user.getUsername(),
        reason.get() + "; refused " + request.getMethod() + " " + request.getRequestURI());
    SecurityContextHolder.clearContext();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.sendRedirect(request.getContextPath() + ENDED_PAGE);
  }
}
