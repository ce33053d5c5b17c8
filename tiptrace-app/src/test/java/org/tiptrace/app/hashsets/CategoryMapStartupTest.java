package org.tiptrace.app.hashsets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.DefaultApplicationArguments;
import org.tiptrace.app.jobs.JobLedger;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.testing.TestStorage;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.hash.sets.FileMatches;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.ReadProgress;
import org.tiptrace.hash.sets.TipHashMatches;
import org.tiptrace.hash.sets.TipMatching;
import org.tiptrace.hash.sets.VicsCategoryMap;
import org.tiptrace.job.JobState;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestReports;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.triage.TriageRules;

/**
 * Issue 3 §6 with decision 0020: a release whose VICS category map differs from the one a set was
 * imported under re-derives the stored matches at start, in a background job of the ledger whose
 * progress every agency's administrators can read; the changed tip is marked, re-triaged and the
 * change audited. The old map is simulated by what it left: its label on the set and a stored match
 * reading category 0 (non-pertinent) as abuse.
 */
class CategoryMapStartupTest {
  private static final AgencyId A = new AgencyId("ICAC-A");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T05:00:00Z"), ZoneOffset.UTC);
  private static final String MD5 = "1a79a4d60de6718e8e5b326e338ae533";
  private static final String OLD = "vics-categories 2020.01-1";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aStaleSetIsReDerivedAtStartInAVisibleJob(TestBackend database) throws Exception {
    TestStorage storage = TestStorage.fresh(database);
    try (TiptraceBackend backend = storage.open()) {
      HashSetRepository sets = backend.hashSets();
      Path file = dir.resolve("set.json");
      Files.writeString(
          file,
          "{ \"@odata.context\":"
              + " \"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media\",\n"
              + "  \"value\": [ { \"MediaID\": 1, \"Category\": 0, \"MD5\": \""
              + MD5
              + "\" } ] }\n",
          StandardCharsets.UTF_8);
      sets.importSet(
          new HashSetInfo(
              "Example VICS",
              "1",
              Optional.empty(),
              Optional.empty(),
              "unspecified",
              HashSetKind.KNOWN_ABUSE,
              true),
          HashSetFormat.VICS,
          Sha256.of(Files.readAllBytes(file)).hex(),
          CLOCK.instant(),
          sink ->
              TiptraceBackend.hashSetReaders()
                  .reader(HashSetFormat.VICS)
                  .orElseThrow()
                  .read(file, sink, ReadProgress.NONE));
      Tip tip =
          backend
              .tips()
              .insertIfAbsent(
                  A,
                  Sha256.of(new byte[] {7}),
                  CLOCK.instant(),
                  TestReports.report()
                      .reportId("900001")
                      .file(TestReports.file("a.jpg", TestReports.md5(MD5)))
                      .build())
              .tip();
      Tip other =
          backend
              .tips()
              .insertIfAbsent(
                  A, Sha256.of(new byte[] {8}), CLOCK.instant(), TestReports.report("900002"))
              .tip();
      TipMatching matching = new TipMatching(sets, backend.tips(), CLOCK);
      matching.matchAndStore(A, tip.id());
      matching.matchAndStore(A, other.id());
      assertThat(sets.findMatches(A, tip.id()).orElseThrow().matches().verdicts())
          .containsExactly(FileVerdict.MATCHED_KNOWN_GOOD);
      // What the older map left behind.
      sets.recordCategoryMap(sets.find("Example VICS").orElseThrow().id(), OLD);
      TipHashMatches now = sets.findMatches(A, tip.id()).orElseThrow().matches();
      FileMatches f = now.files().get(0);
      List<HashMatch> ms = new ArrayList<>();
      for (HashMatch m : f.matches()) {
        ms.add(
            new HashMatch(
                m.setName(),
                m.setVersion(),
                HashSetKind.KNOWN_ABUSE,
                m.category(),
                m.series(),
                m.victimIdentified(),
                m.method(),
                m.digest(),
                m.distance(),
                m.source(),
                m.variant()));
      }
      sets.replaceMatches(
          A,
          tip.id(),
          new TipHashMatches(
              List.of(new FileMatches(0, FileVerdict.MATCHED_KNOWN, ms)), now.sets()),
          CLOCK.instant());

      JobLedger ledger = new JobLedger(backend, CLOCK);
      HashSetJobs jobs =
          new HashSetJobs(
              backend, ledger, LinkTriageService.of(backend, TriageRules.defaults(), CLOCK), CLOCK);
      try {
        assertThat(jobs.staleCategoryMap())
            .extracting(s -> s.info().name())
            .containsExactly("Example VICS");
        new CategoryMapStartup(jobs).run(new DefaultApplicationArguments());
        HashSetJobs.View started = jobs.latestNationalCategoryMapJob().orElseThrow();
        HashSetJobs.View end = waitFor(jobs, started.id());
        assertThat(end.state()).as(end.toString()).isEqualTo(JobState.DONE);
        assertThat(end.kind()).isEqualTo("hashset-category-map");
        assertThat(end.agency()).isEqualTo(HashSetJobs.NATIONAL.code());
        assertThat(end.done()).isEqualTo(2);
        assertThat(end.total()).isEqualTo(2);
        assertThat(end.changed()).isEqualTo(1);
        assertThat(end.retriaged()).isEqualTo(1);
        assertThat(end.outcome().orElseThrow())
            .contains("to Example VICS (was " + OLD + ")")
            .contains("1 of 2 tips held a match in them and were re-matched, 1 changed");
        assertThat(sets.findMatches(A, tip.id()).orElseThrow().matches().verdicts())
            .containsExactly(FileVerdict.MATCHED_KNOWN_GOOD);
        assertThat(backend.triageStore().find(A, tip.id()).orElseThrow().signals().files())
            .containsExactly(org.tiptrace.triage.HashVerdict.MATCHED_KNOWN_GOOD);
        assertThat(sets.retriageMarks(A)).isEmpty();
        assertThat(sets.find("Example VICS").orElseThrow().categoryMap())
            .hasValue(VicsCategoryMap.bundled().label());
        assertThat(backend.auditLog().read(0, 10_000))
            .anySatisfy(
                e -> {
                  assertThat(e.action()).isEqualTo(AuditAction.HASH_SET_CATEGORY_MAP_APPLIED);
                  assertThat(e.actor()).isEqualTo(HashSetJobs.CATEGORY_MAP_ACTOR);
                  assertThat(e.detail()).contains("start-up");
                });
        // Nothing stale any more: the next start queues nothing.
        assertThat(jobs.staleCategoryMap()).isEmpty();
        new CategoryMapStartup(jobs).run(new DefaultApplicationArguments());
        assertThat(jobs.latestNationalCategoryMapJob().orElseThrow().id()).isEqualTo(started.id());
      } finally {
        jobs.destroy();
      }
    } finally {
      storage.drop();
    }
  }

  private static HashSetJobs.View waitFor(HashSetJobs jobs, String id) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Optional<HashSetJobs.View> v = jobs.find(A, id);
      if (v.isPresent() && v.get().state().finished()) {
        return v.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + id + " did not finish: " + jobs.find(A, id));
  }
}
