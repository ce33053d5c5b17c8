package org.tiptrace.triage;

import java.util.List;

/**
 * The outcome of re-scoring a set of tips with candidate rules.
 *
 * @param tips how many tips were re-scored
 * @param changes the tips that changed tier, ascending by tip id
 */
public record ReplayReport(
    String oldVersion, String newVersion, int tips, List<TierChange> changes) {
  public ReplayReport {
    changes = List.copyOf(changes);
  }
}
