package org.tiptrace.audit;

import java.util.Optional;
import org.tiptrace.tip.AgencyId;

/**
 * What a caller asks the {@link AuditLog} to record; the log adds sequence number, time and hash.
 *
 * @param actor the user name as given (for a failed login: the name that was tried), never blank
 * @param agency the actor's agency, empty when unknown (a failed login)
 * @param subjectId the subject's id as text, empty for {@link AuditSubjectType#NONE}
 * @param detail free text, possibly empty (for example why a login failed)
 */
public record AuditEvent(
    String actor,
    Optional<AgencyId> agency,
    AuditAction action,
    AuditSubjectType subjectType,
    String subjectId,
    String detail) {

  /** Longest actor name kept; longer ones are cut (a failed login may try anything). */
  public static final int MAX_ACTOR = 256;

  public AuditEvent {
    if (actor.isBlank()) {
      actor = "(anonymous)";
    }
    if (actor.length() > MAX_ACTOR) {
      actor = actor.substring(0, MAX_ACTOR);
    }
  }

  public static AuditEvent of(
      String actor,
      AgencyId agency,
      AuditAction action,
      AuditSubjectType subjectType,
      String subjectId) {
    return new AuditEvent(actor, Optional.of(agency), action, subjectType, subjectId, "");
  }
}
