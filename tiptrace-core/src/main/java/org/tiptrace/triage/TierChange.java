package org.tiptrace.triage;

import java.util.List;
import org.tiptrace.tip.TipId;

/**
 * A tip whose tier differs between two rule versions.
 *
 * @param changedLines rules whose points differ, as "rule: old -> new"
 */
public record TierChange(
    TipId tip, Tier oldTier, Tier newTier, int oldScore, int newScore, List<String> changedLines) {
  public TierChange {
    changedLines = List.copyOf(changedLines);
  }

  public int scoreDelta() {
    return newScore - oldScore;
  }
}
