package org.tiptrace.link;

import java.util.List;

/**
 * A weak tie between two subjects: shared IPs, files, unverified emails. Never a merge.
 *
 * @param strength sum of the {@link IdentifierKind#associationWeight()} of each shared identifier
 */
public record Association(SubjectId other, int strength, List<Evidence> evidence) {
  public Association {
    evidence = List.copyOf(evidence);
  }
}
