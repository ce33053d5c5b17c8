package org.tiptrace.app.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.IntakeOutcome;
import org.tiptrace.intake.IntakeResult;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;

/**
 * How tests seed tips: a document through core's {@link Intake} with the real readers, as the CLI
 * and the API do, into the test's backend.
 */
public final class TestIntake {
  private TestIntake() {}

  /**
   * Ingests {@code document} for {@code agency} and returns the tip it created or was attached to.
   *
   * @throws AssertionError when the document is rejected or a duplicate
   */
  public static Tip ingest(
      TiptraceBackend backend, AgencyId agency, String name, String document, Instant receivedAt) {
    Intake intake =
        new Intake(
            backend.archive(), backend.tips(), DocumentReaders.standard(), IntakeLimits.DEFAULT);
    IntakeResult result =
        intake.ingest(
            agency,
            new RawDocument(name, document.getBytes(StandardCharsets.UTF_8), receivedAt),
            ParseMode.TOLERANT);
    if (result.outcome() != IntakeOutcome.ACCEPTED && result.outcome() != IntakeOutcome.ATTACHED) {
      throw new AssertionError("seed document " + name + " was not stored: " + result);
    }
    return backend.tips().find(agency, result.tipId().orElseThrow()).orElseThrow();
  }
}
