package org.tiptrace.app.system;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tiptrace.tip.AgencyId;

/**
 * The one place that says which agency the current request acts for: the agency of the logged-in
 * {@link TiptraceUser}. No controller takes an agency from the request.
 */
@Component
public final class CurrentAgency {

  /**
   * @throws AccessDeniedException when the request is not authenticated as a Tiptrace user (for
   *     example a principal of another filter chain)
   */
  public AgencyId require() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof TiptraceUser u) {
      return u.agency();
    }
    throw new AccessDeniedException("the current user has no agency");
  }
}
