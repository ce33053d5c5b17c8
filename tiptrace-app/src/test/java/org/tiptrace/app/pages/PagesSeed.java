package org.tiptrace.app.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.tiptrace.app.intake.BatchIntake;
import org.tiptrace.app.intake.InputDocument;
import org.tiptrace.app.intake.IntakeReport;
import org.tiptrace.app.intake.IpEnrichment;
import org.tiptrace.app.intake.TipSteps;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.ip.AttributionMode;
import org.tiptrace.synth.SyntheticDataSet;
import org.tiptrace.tip.AgencyId;

/**
 * The pages' tests' data: synthetic tips for agency {@code ICAC-P} (user {@code pat}), ingested as
 * the demo does (real readers, IP assessments stored at intake, synthetic-data mode), once per
 * shared test database. Incidents fall in the 400 days before now, so some retention deadlines are
 * still ahead and some are past.
 */
final class PagesSeed {
  static final AgencyId AGENCY_P = new AgencyId("ICAC-P");
  static final long SEED = 20261122L;
  static final int COUNT = 60;

  private static final Map<TiptraceBackend, IntakeReport> SEEDED = new IdentityHashMap<>();

  private PagesSeed() {}

  static synchronized IntakeReport ensure(TiptraceBackend backend) {
    return SEEDED.computeIfAbsent(backend, PagesSeed::seed);
  }

  private static IntakeReport seed(TiptraceBackend backend) {
    Clock clock = Clock.systemUTC();
    Instant until = clock.instant().truncatedTo(ChronoUnit.DAYS);
    List<InputDocument> documents =
        SyntheticDataSet.documents(SEED, COUNT, until).stream()
            .map(d -> InputDocument.inMemory(d.name(), d.bytes()))
            .toList();
    BatchIntake batch =
        new BatchIntake(
            new Intake(
                backend.archive(),
                backend.tips(),
                DocumentReaders.standard(),
                IntakeLimits.DEFAULT),
            clock,
            TipSteps.of(
                IpEnrichment.withoutData(
                    AttributionMode.SYNTHETIC_DATA,
                    backend.tips(),
                    backend.ipAssessments(),
                    clock)));
    return batch.ingest(AGENCY_P, documents, ParseMode.TOLERANT, (i, n, r) -> {});
  }
}
