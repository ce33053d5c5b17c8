package org.tiptrace.link;

import java.util.List;
import java.util.Map;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * A subject as {@link LinkStore} keeps it between runs: the unscoped subject (every agency's
 * members, evidence and review flags), the agency of each of its tips, and its associations. The
 * app derives each agency's view from it with {@link SubjectView#of}; it is never shown as is.
 *
 * @param tipAgencies the agency of every tip in {@code subject.tips()}
 * @param associations the subject's weak ties, strongest first ({@link Linker#associations})
 */
public record StoredSubject(
    Subject subject, Map<TipId, AgencyId> tipAgencies, List<Association> associations) {
  public StoredSubject {
    tipAgencies = Map.copyOf(tipAgencies);
    associations = List.copyOf(associations);
    for (TipId t : subject.tips()) {
      if (!tipAgencies.containsKey(t)) {
        throw new IllegalArgumentException("subject " + subject.id() + ": no agency for tip " + t);
      }
    }
  }

  /** Whether the agency has at least one tip in the subject (else, for it, there is none). */
  public boolean visibleTo(AgencyId agency) {
    return tipAgencies.containsValue(agency);
  }

  /** The subject of the linker's current state, ready to store. */
  public static StoredSubject of(Linker linker, SubjectId id) {
    Subject s = linker.subject(id);
    Map<TipId, AgencyId> agencies = new java.util.HashMap<>();
    for (TipId t : s.tips()) {
      agencies.put(t, linker.agencyOf(t));
    }
    return new StoredSubject(s, agencies, linker.associations(id));
  }
}
