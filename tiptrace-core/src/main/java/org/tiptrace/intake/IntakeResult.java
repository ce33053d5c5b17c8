package org.tiptrace.intake;

import java.util.List;
import java.util.Optional;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.TipId;

/**
 * The result for one document.
 *
 * @param tipId the tip created, attached to, or found as duplicate; absent when rejected
 * @param problems errors (rejected) or warnings (accepted)
 */
public record IntakeResult(
    String sourceName,
    Sha256 sha256,
    IntakeOutcome outcome,
    Optional<TipId> tipId,
    List<Problem> problems) {
  public IntakeResult {
    problems = List.copyOf(problems);
  }
}
