package org.tiptrace.link;

import java.util.List;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * A subject as one agency may see it: its own members and tips, evidence worded without other
 * agencies' tip ids, a count of other agencies' tips, and deconfliction notices for holds.
 *
 * @param evidence e.g. "same phone +12025550123 in tip 21 and 1 tip of other agencies"
 * @param otherAgencyTips how many tips of the subject belong to other agencies
 */
public record SubjectView(
    SubjectId id,
    AgencyId viewer,
    List<PersonRef> members,
    List<TipId> tips,
    List<String> evidence,
    int otherAgencyTips,
    List<DeconflictionNotice> deconfliction,
    List<String> reviewFlags) {
  public SubjectView {
    members = List.copyOf(members);
    tips = List.copyOf(tips);
    evidence = List.copyOf(evidence);
    deconfliction = List.copyOf(deconfliction);
    reviewFlags = List.copyOf(reviewFlags);
  }
}
