package org.tiptrace.app.cli;

import java.time.Clock;
import org.tiptrace.app.intake.HashMatchingStep;
import org.tiptrace.app.intake.IpEnrichment;
import org.tiptrace.app.intake.TipSteps;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.queue.LinkTriageStep;
import org.tiptrace.app.rules.ActiveRules;
import org.tiptrace.app.system.TiptraceBackend;

/**
 * The per-tip steps of the commands that ingest ({@code ingest}, {@code demo}), in the order the
 * web app's {@code TipSteps} bean has them: IP attribution (configured per command), hash matching,
 * then linking and triage with the active stored rules (the jar's file until another version is
 * activated).
 */
final class CliTipSteps {
  private CliTipSteps() {}

  static TipSteps of(IpEnrichment ip, TiptraceBackend backend, Clock clock) {
    return TipSteps.of(
        ip,
        HashMatchingStep.of(backend, clock),
        new LinkTriageStep(
            LinkTriageService.of(
                backend, ActiveRules.seeded(backend.ruleSets(), clock)::triage, clock)));
  }
}
