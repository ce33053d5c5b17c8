package org.tiptrace.link;

import java.util.List;

/**
 * What linking tells triage about one tip. A pure value: rebuilt from the linker's state.
 *
 * @param subjects the subjects of the tip's reported persons, ascending
 * @param priorTips other tips of those subjects received before this one, up to {@link
 *     Linker#PRIOR_LIMIT}
 * @param priorCtReports NCMEC report numbers the ESP listed in {@code priorCTReports}
 * @param linkedSubjects distinct subjects associated (weakly) with those subjects
 * @param fileSpread per file of the report (same order): distinct subjects that reported a file
 *     with one of its hashes, capped at {@link Linker#SPREAD_LIMIT}
 * @param paymentIdentifiers payment identifiers of the reported persons
 */
public record LinkSignals(
    List<SubjectId> subjects,
    int priorTips,
    int priorCtReports,
    int linkedSubjects,
    List<Integer> fileSpread,
    int paymentIdentifiers) {
  public LinkSignals {
    subjects = List.copyOf(subjects);
    fileSpread = List.copyOf(fileSpread);
  }

  /** For a tip scored without linking: no history known. */
  public static LinkSignals none(int fileCount) {
    return new LinkSignals(List.of(), 0, 0, 0, java.util.Collections.nCopies(fileCount, 0), 0);
  }
}
