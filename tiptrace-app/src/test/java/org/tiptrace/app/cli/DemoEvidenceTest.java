package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.app.testing.InMemoryBackend;
import org.tiptrace.app.testing.TestIntake;
import org.tiptrace.evidence.ContentAccess;
import org.tiptrace.evidence.EvidenceFiles;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.legal.GateRuleSet;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.synth.SyntheticDataSet;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;

/** The demo's photos: benign, attached through the checked path, some viewable, some blocked. */
class DemoEvidenceTest {
  private static final Instant UNTIL = Instant.parse("2026-06-01T00:00:00Z");
  private static final AgencyId DEMO = new AgencyId("DEMO");

  @Test
  void onlyTheChosenFilesDifferFromTheSyntheticDataSet() {
    DemoEvidence.Plan plan = DemoEvidence.plan(1, 60, UNTIL);
    List<RawDocument> plain = SyntheticDataSet.documents(1, 60, UNTIL);

    assertThat(plan.photos()).hasSize(DemoEvidence.VIEWABLE + DemoEvidence.BLOCKED);
    assertThat(plan.photos())
        .filteredOn(DemoEvidence.Planned::viewable)
        .hasSize(DemoEvidence.VIEWABLE);
    assertThat(plan.documents())
        .extracting(RawDocument::name)
        .isEqualTo(plain.stream().map(RawDocument::name).toList());
    int differ = 0;
    for (int i = 0; i < plain.size(); i++) {
      if (!Arrays.equals(plain.get(i).bytes(), plan.documents().get(i).bytes())) {
        differ++;
        String name = plain.get(i).name();
        assertThat(plan.photos()).anyMatch(p -> name.equals("cybertip-" + p.reportId() + ".json"));
      }
    }
    assertThat(differ).isEqualTo(plan.photos().size());
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void viewableFilesOpenAndTheOthersStayBlocked(TestBackend database) {
    if (database == TestBackend.POSTGRESQL) {
      TestBackend.requirePostgresUrl();
    }
    try (InMemoryBackend backend = new InMemoryBackend(database)) {
      DemoEvidence.Plan plan = DemoEvidence.plan(3, 60, UNTIL);
      for (RawDocument d : plan.documents()) {
        TestIntake.ingest(
            backend,
            DEMO,
            d.name(),
            new String(d.bytes(), java.nio.charset.StandardCharsets.UTF_8),
            UNTIL);
      }
      Clock clock = Clock.fixed(UNTIL, ZoneOffset.UTC);

      List<DemoEvidence.Attached> attached =
          DemoEvidence.attach(backend, DEMO, plan.photos(), clock);

      EvidenceFiles evidence =
          new EvidenceFiles(
              backend.archive(),
              backend.evidence().contents(),
              backend.evidence().warrants(),
              GateRuleSet.bundled(),
              clock);
      assertThat(attached).hasSize(plan.photos().size());
      for (DemoEvidence.Attached a : attached) {
        Tip tip = backend.tips().find(DEMO, a.tip().id()).orElseThrow();
        ContentAccess access = evidence.content(tip, a.file().ref());
        if (a.viewable()) {
          assertThat(access).isInstanceOf(ContentAccess.Bytes.class);
          assertThat(((ContentAccess.Bytes) access).bytes())
              .isEqualTo(DemoEvidence.photo(a.photo()));
        } else {
          assertThat(access).isInstanceOf(ContentAccess.Blocked.class);
        }
      }
    }
  }

  @Test
  void theDemoPrintsWhichFilesHoldPhotos(@TempDir Path dir) {
    try (CliRun cli = CliRun.on(TestBackend.H2, dir)) {
      CliRun.Result r = cli.run("demo", "--port", "0", "--seed", "1", "--count", "60");

      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
      assertThat(r.out()).contains("Demo evidence (benign test photos):");
      assertThat(r.out().lines().filter(l -> l.contains("(viewable: the ESP viewed it)")))
          .hasSize(DemoEvidence.VIEWABLE);
      assertThat(r.out().lines().filter(l -> l.contains("(blocked until a warrant lists it)")))
          .hasSize(DemoEvidence.BLOCKED);
    }
  }
}
