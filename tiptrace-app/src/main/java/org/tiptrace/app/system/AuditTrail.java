package org.tiptrace.app.system;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEvent;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.tip.AgencyId;

/**
 * The web app's way into the audit log: records what the current user does, with their name and
 * agency taken from the security context (never from the request).
 *
 * <p>A failed append throws, so the request fails: no audited view happens without its entry.
 */
@Component
public final class AuditTrail {
  private final TiptraceBackend backend;

  AuditTrail(TiptraceBackend backend) {
    this.backend = backend;
  }

  /**
   * A request to view tip {@code id} (as requested: also when the answer is 404, so probing other
   * agencies' ids is on record). {@code channel} says where: {@code api} or {@code page}.
   */
  public void tipViewed(String id, String channel) {
    record(AuditAction.TIP_VIEWED, AuditSubjectType.TIP, id, channel);
  }

  /** A page of the tip list. */
  public void tipsListed(int offset, int limit, String channel) {
    record(
        AuditAction.TIP_LISTED,
        AuditSubjectType.TIP_LIST,
        "offset=" + offset + ",limit=" + limit,
        channel);
  }

  /** Something the current user did to a subject. */
  public void record(
      AuditAction action, AuditSubjectType subjectType, String subjectId, String detail) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String actor = auth == null ? "(anonymous)" : auth.getName();
    Optional<AgencyId> agency =
        auth != null && auth.getPrincipal() instanceof TiptraceUser u
            ? Optional.of(u.agency())
            : Optional.empty();
    record(actor, agency, action, subjectType, subjectId, detail);
  }

  /** Something an actor that is not a Tiptrace user (a hotline platform) did. */
  public void record(
      String actor,
      Optional<AgencyId> agency,
      AuditAction action,
      AuditSubjectType subjectType,
      String subjectId,
      String detail) {
    backend
        .auditLog()
        .append(new AuditEvent(actor, agency, action, subjectType, subjectId, detail));
  }

  /**
   * Records every outcome of an authentication manager: set it with {@code
   * ProviderManager.setAuthenticationEventPublisher}. A stateless chain authenticates each request,
   * so each request is one login entry.
   *
   * @param channel the detail of each entry ({@code form}, {@code api basic}, {@code hotline})
   * @param agencyOf the agency of a successfully authenticated principal
   */
  public AuthenticationEventPublisher logins(
      String channel,
      AuditAction succeeded,
      AuditAction failed,
      Function<Authentication, Optional<AgencyId>> agencyOf) {
    return new AuthenticationEventPublisher() {
      @Override
      public void publishAuthenticationSuccess(Authentication authentication) {
        login(succeeded, authentication.getName(), agencyOf.apply(authentication), channel);
      }

      @Override
      public void publishAuthenticationFailure(
          AuthenticationException exception, Authentication authentication) {
        // The exception's class, not its message: messages may echo what was typed.
        login(
            failed,
            authentication.getName(),
            Optional.empty(),
            channel + ": " + exception.getClass().getSimpleName());
      }
    };
  }

  private void login(AuditAction action, String name, Optional<AgencyId> agency, String detail) {
    backend
        .auditLog()
        .append(new AuditEvent(name, agency, action, AuditSubjectType.NONE, "", detail));
  }
}
