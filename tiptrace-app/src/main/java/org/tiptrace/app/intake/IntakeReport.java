package org.tiptrace.app.intake;

import java.util.List;
import org.tiptrace.intake.IntakeOutcome;

/** The results of one batch, in the order the documents were ingested, with counts. */
public record IntakeReport(Summary summary, List<DocumentResult> documents) {

  public IntakeReport {
    documents = List.copyOf(documents);
  }

  public static IntakeReport of(List<DocumentResult> documents) {
    return new IntakeReport(Summary.of(documents), documents);
  }

  public boolean anyRejected() {
    return summary.rejected() > 0;
  }

  public record Summary(int total, int accepted, int attached, int duplicate, int rejected) {
    static Summary of(List<DocumentResult> documents) {
      int[] n = new int[IntakeOutcome.values().length];
      documents.forEach(d -> n[d.outcome().ordinal()]++);
      return new Summary(
          documents.size(),
          n[IntakeOutcome.ACCEPTED.ordinal()],
          n[IntakeOutcome.ATTACHED.ordinal()],
          n[IntakeOutcome.DUPLICATE.ordinal()],
          n[IntakeOutcome.REJECTED.ordinal()]);
    }
  }
}
