package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.intake.BatchIntake;
import org.tiptrace.app.intake.HashMatchingStep;
import org.tiptrace.app.intake.InputDocument;
import org.tiptrace.app.intake.TipSteps;
import org.tiptrace.app.system.DatabaseSettings;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.synth.SyntheticDataSet;
import org.tiptrace.tip.AgencyId;

/** The demo's synthetic sets make the demo show every verdict a file can get. */
class DemoHashSetTest {
  private static final AgencyId AGENCY = new AgencyId("DEMO-UNIT");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  @Test
  void demoSetsGiveKnownKnownGoodAndPossiblyNewFiles() throws Exception {
    String url = "jdbc:h2:mem:demo-sets-" + UUID.randomUUID();
    try (TiptraceBackend backend =
        TiptraceBackend.open(new DatabaseSettings(url, Optional.empty(), Optional.empty()))) {
      List<InputDocument> docs =
          SyntheticDataSet.documents(3, 60, CLOCK.instant()).stream()
              .map(d -> InputDocument.inMemory(d.name(), d.bytes()))
              .toList();
      new BatchIntake(
              new Intake(
                  backend.archive(),
                  backend.tips(),
                  DocumentReaders.standard(),
                  IntakeLimits.DEFAULT),
              CLOCK,
              TipSteps.of(HashMatchingStep.of(backend, CLOCK)))
          .ingest(AGENCY, docs, ParseMode.TOLERANT, (i, n, r) -> {});

      DemoHashSet.Loaded loaded = DemoHashSet.load(backend, CLOCK);

      assertThat(loaded.abuseEntries()).isPositive();
      assertThat(loaded.goodEntries()).isPositive();
      assertThat(backend.hashSets().list())
          .extracting(s -> s.info().name())
          .containsExactly(DemoHashSet.ABUSE_SET, DemoHashSet.GOOD_SET);
      List<FileVerdict> verdicts = new ArrayList<>();
      for (HashSetRepository.TipRef ref : backend.hashSets().allTips()) {
        verdicts.addAll(
            backend
                .hashSets()
                .findMatches(ref.agency(), ref.tip())
                .orElseThrow()
                .matches()
                .verdicts());
      }
      assertThat(verdicts)
          .contains(
              FileVerdict.MATCHED_KNOWN,
              FileVerdict.MATCHED_KNOWN_GOOD,
              FileVerdict.UNMATCHED_POSSIBLE_NEW);
      assertThat(loaded.describe())
          .startsWith(
              "Demo hash sets (synthetic, hashes only): "
                  + loaded.abuseEntries()
                  + " known-abuse and "
                  + loaded.goodEntries()
                  + " known-good hashes;");
    }
  }
}
