package org.tiptrace.triage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * The triage of one tip under one rule version.
 *
 * @param score the sum of {@link #lines()}
 * @param reasons why the tier is what it is (informational reasons, floors, meme overrides)
 * @param notes facts that scored nothing but an investigator should see ("3 files not checked")
 * @param deadline the earliest attribution deadline, for queue order
 */
public record TriageResult(
    TipId tip,
    AgencyId agency,
    int score,
    Tier tier,
    List<ScoreLine> lines,
    List<String> reasons,
    List<String> notes,
    Optional<Instant> deadline,
    String rulesVersion) {
  public TriageResult {
    lines = List.copyOf(lines);
    reasons = List.copyOf(reasons);
    notes = List.copyOf(notes);
    int sum = lines.stream().mapToInt(ScoreLine::points).sum();
    if (sum != score) {
      throw new IllegalArgumentException(
          "explanation of tip " + tip + " sums to " + sum + ", score is " + score);
    }
  }
}
