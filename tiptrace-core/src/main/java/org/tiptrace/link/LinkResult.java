package org.tiptrace.link;

import java.util.List;
import org.tiptrace.tip.TipId;

/**
 * What ingesting one tip changed.
 *
 * @param persons the subject of each person of the tip, in extraction order
 * @param deconfliction holds of other agencies on the tip's subjects, for the receiving agency
 */
public record LinkResult(
    TipId tip, List<PersonSubject> persons, List<DeconflictionNotice> deconfliction) {
  public LinkResult {
    persons = List.copyOf(persons);
    deconfliction = List.copyOf(deconfliction);
  }

  /** One person of the tip and the subject it resolved to. */
  public record PersonSubject(PersonRef person, SubjectId subject) {}
}
