package org.tiptrace.link;

import java.util.List;
import org.tiptrace.tip.TipId;

/**
 * One resolved subject: persons of several tips judged to be the same account holder.
 *
 * @param members ascending; the first is the {@link SubjectId#anchor()}
 * @param tips every tip with a member, ascending
 * @param evidence why the members belong together (strong identifiers, manual merges)
 * @param reviewFlags reasons an investigator should confirm the subject (chained merges); empty
 *     when nothing looks odd
 */
public record Subject(
    SubjectId id,
    List<PersonRef> members,
    List<TipId> tips,
    List<Evidence> evidence,
    List<String> reviewFlags) {
  public Subject {
    members = List.copyOf(members);
    tips = List.copyOf(tips);
    evidence = List.copyOf(evidence);
    reviewFlags = List.copyOf(reviewFlags);
  }
}
