package org.tiptrace.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
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

  /**
   * The view of {@code subject} for {@code viewer}: own members and tips only, evidence worded
   * without other agencies' tip ids, other agencies' holds as deconfliction notices. The same
   * function serves the in-memory linker and the stored subjects.
   *
   * @param agencyOf the agency of each tip of the subject
   * @param holds holds on tips of the subject (any agency; the viewer's own are left out)
   */
  public static SubjectView of(
      AgencyId viewer, Subject subject, Function<TipId, AgencyId> agencyOf, List<Hold> holds) {
    List<PersonRef> members = new ArrayList<>();
    for (PersonRef m : subject.members()) {
      if (agencyOf.apply(m.tip()).equals(viewer)) {
        members.add(m);
      }
    }
    List<TipId> own = new ArrayList<>();
    for (TipId t : subject.tips()) {
      if (agencyOf.apply(t).equals(viewer)) {
        own.add(t);
      }
    }
    List<String> evidence = new ArrayList<>();
    for (Evidence e : subject.evidence()) {
      List<TipId> mine = e.tips().stream().filter(own::contains).toList();
      int others = e.tips().size() - mine.size();
      if (e.identifier().isPresent() && !mine.isEmpty()) {
        Identifier i = e.identifier().get();
        evidence.add(
            "same "
                + i.kind().label()
                + " "
                + i.display()
                + " in "
                + Linker.tipsText(mine)
                + (others == 0
                    ? ""
                    : " and " + others + (others == 1 ? " tip" : " tips") + " of other agencies"));
      } else if (e.identifier().isEmpty() && others == 0) {
        evidence.add(e.text());
      }
    }
    Set<DeconflictionNotice> notices = new LinkedHashSet<>();
    Set<DeconflictionNotice> sorted =
        new TreeSet<>(
            Comparator.comparing((DeconflictionNotice n) -> n.holdingAgency().code())
                .thenComparing(DeconflictionNotice::caseNumber)
                .thenComparing(DeconflictionNotice::contact));
    for (Hold h : holds) {
      if (!h.agency().equals(viewer) && subject.tips().contains(h.tip())) {
        sorted.add(new DeconflictionNotice(h.agency(), h.caseNumber(), h.contact()));
      }
    }
    notices.addAll(sorted);
    return new SubjectView(
        subject.id(),
        viewer,
        members,
        own,
        evidence,
        subject.tips().size() - own.size(),
        List.copyOf(notices),
        subject.reviewFlags());
  }
}
