package org.tiptrace.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.app.hashsets.HashSetJobs;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.testing.TestStorage;
import org.tiptrace.job.JobKind;
import org.tiptrace.job.JobRecord;
import org.tiptrace.job.JobState;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.triage.TriageRules;

/**
 * Issues 3 and 6: a background job lived only in memory, so a restart of {@code serve} lost it and
 * its page answered 404. Now the job is a stored record: a job that was running when its backend
 * closed is found by a new backend on the same database, shown INTERRUPTED with the progress it
 * had, and can be re-run as a new job; finished jobs keep their state.
 */
class JobsSurviveRestartTest {
  private static final AgencyId A = new AgencyId("ICAC-A");
  private static final AgencyId B = new AgencyId("ICAC-B");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T04:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aRunningJobIsInterruptedAfterRestartAndCanBeRerun(TestBackend database) throws Exception {
    TestStorage storage = TestStorage.durable(database, dir.resolve("data"));
    try {
      String running;
      String finished;
      try (TiptraceBackend first = storage.open()) {
        JobLedger ledger = new JobLedger(first, CLOCK);
        TrackedJob job = ledger.create(JobKind.HASHSET_REMOVE, A, Map.of("name", "Gone Set"));
        job.start("REMATCHING");
        job.outcome("removed Gone Set 1");
        job.progress(10, 10);
        job.progress(3, 40);
        running = job.id();
        TrackedJob done = ledger.create(JobKind.IP_REASSESS, A, Map.of("all", "true"));
        done.start("REASSESSING");
        done.count("changed", 2);
        done.done("FINISHED");
        finished = done.id();
        assertThat(ledger.find(A, running).orElseThrow().state()).isEqualTo(JobState.RUNNING);
      }

      try (TiptraceBackend second = storage.open()) {
        JobLedger ledger = new JobLedger(second, CLOCK);
        JobRecord after = ledger.find(A, running).orElseThrow();
        assertThat(after.state()).isEqualTo(JobState.INTERRUPTED);
        assertThat(after.kind()).isEqualTo(JobKind.HASHSET_REMOVE);
        assertThat(after.parameter("name")).contains("Gone Set");
        assertThat(after.outcome()).contains("removed Gone Set 1");
        assertThat(after.message()).contains(JobLedger.INTERRUPTED);
        assertThat(after.finishedAt()).contains(CLOCK.instant());
        assertThat(after.startedAt()).isPresent();
        assertThat(after.total()).as("the last progress written").isEqualTo(10);
        assertThat(ledger.find(B, running)).as("still agency A's").isEmpty();
        JobRecord done = ledger.find(A, finished).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.counter("changed")).isEqualTo(2);

        HashSetJobs jobs =
            new HashSetJobs(
                second, ledger, LinkTriageService.of(second, TriageRules.defaults(), CLOCK), CLOCK);
        try {
          assertThat(jobs.find(A, running).orElseThrow().state()).isEqualTo(JobState.INTERRUPTED);
          assertThat(jobs.find(A, finished)).as("an IP job is not a hash-set job").isEmpty();
          assertThat(jobs.rerun(B, running)).isEmpty();

          HashSetJobs.View rerun = jobs.rerun(A, running).orElseThrow();
          assertThat(rerun.id()).isNotEqualTo(running);
          HashSetJobs.View end = waitFor(jobs, rerun.id());
          assertThat(end.state()).as(end.toString()).isEqualTo(JobState.DONE);
          assertThat(end.outcome()).contains("hash set 'Gone Set' was already removed");
          assertThat(ledger.find(A, running).orElseThrow().message().orElseThrow())
              .endsWith("re-run as job " + rerun.id());
          assertThatThrownBy(() -> jobs.rerun(A, rerun.id()))
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("only an INTERRUPTED job can be re-run");
        } finally {
          jobs.destroy();
        }
      }

      try (TiptraceBackend third = storage.open()) {
        JobLedger ledger = new JobLedger(third, CLOCK);
        assertThat(ledger.find(A, running).orElseThrow().state())
            .as("interrupted once, stays so")
            .isEqualTo(JobState.INTERRUPTED);
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
