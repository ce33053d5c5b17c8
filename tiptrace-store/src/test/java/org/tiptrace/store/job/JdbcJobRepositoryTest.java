package org.tiptrace.store.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.job.JobKind;
import org.tiptrace.job.JobRecord;
import org.tiptrace.job.JobRepository;
import org.tiptrace.job.JobState;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.tip.AgencyId;

class JdbcJobRepositoryTest {
  private static final AgencyId A = new AgencyId("icac-a");
  private static final AgencyId B = new AgencyId("icac-b");
  private static final Instant T0 = Instant.parse("2026-11-23T04:00:00.123456789Z");

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aJobRoundTripsWithItsParametersCountersAndTimes(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      JobRepository jobs = new JdbcJobRepository(db.database().dataSource());
      JobRecord queued =
          JobRecord.queued(
              "a1",
              JobKind.HASHSET_IMPORT,
              A,
              "alice",
              Map.of("name", "Example \"set\"", "format", "csv", "sha256", "ab".repeat(32)),
              T0);
      jobs.insert(queued);

      JobRecord stored = jobs.find(A, "a1").orElseThrow();
      assertThat(stored.parameters()).isEqualTo(queued.parameters());
      assertThat(stored.state()).isEqualTo(JobState.QUEUED);
      assertThat(stored.createdAt()).isEqualTo(Instant.parse("2026-11-23T04:00:00.123456Z"));
      assertThat(stored.startedAt()).isEmpty();

      JobRecord done =
          new JobRecord(
              "a1",
              JobKind.HASHSET_IMPORT,
              A,
              "alice",
              JobState.DONE,
              "FINISHED",
              7,
              9,
              queued.parameters(),
              Map.of("changed", 3L, "retriaged", 2L),
              Optional.of("imported Example set 1: 3 records"),
              Optional.empty(),
              stored.createdAt(),
              Optional.of(T0.plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MICROS)),
              Optional.of(T0.plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
      assertThat(jobs.update(done)).isTrue();
      assertThat(jobs.find(A, "a1")).contains(done);
      assertThat(jobs.find(A, "a1").orElseThrow().counter("changed")).isEqualTo(3);
      assertThat(jobs.find(A, "a1").orElseThrow().counter("never")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void anotherAgencyNeitherSeesNorChangesTheJob(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      JobRepository jobs = new JdbcJobRepository(db.database().dataSource());
      jobs.insert(JobRecord.queued("a1", JobKind.IP_REASSESS, A, "alice", Map.of(), T0));

      assertThat(jobs.find(B, "a1")).isEmpty();
      assertThat(jobs.recent(B, 10)).isEmpty();
      JobRecord asB = JobRecord.queued("a1", JobKind.IP_REASSESS, B, "bob", Map.of(), T0);
      assertThat(jobs.update(asB)).isFalse();
      assertThat(jobs.find(A, "a1").orElseThrow().owner()).isEqualTo("alice");
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void unfinishedJobsAreMarkedInterruptedAndFinishedOnesKeepTheirState(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      JobRepository jobs = new JdbcJobRepository(db.database().dataSource());
      jobs.insert(JobRecord.queued("q", JobKind.IP_REASSESS, A, "alice", Map.of(), T0));
      JobRecord running =
          JobRecord.queued("r", JobKind.HASHSET_REMOVE, B, "dave", Map.of("name", "S"), T0);
      jobs.insert(running);
      jobs.update(
          new JobRecord(
              "r",
              running.kind(),
              B,
              "dave",
              JobState.RUNNING,
              "REMATCHING",
              4,
              10,
              running.parameters(),
              Map.of(),
              Optional.of("removed S 1"),
              Optional.empty(),
              T0,
              Optional.of(T0),
              Optional.empty()));
      JobRecord failed = JobRecord.queued("f", JobKind.IP_REASSESS, A, "alice", Map.of(), T0);
      jobs.insert(failed);
      jobs.update(
          new JobRecord(
              "f",
              failed.kind(),
              A,
              "alice",
              JobState.FAILED,
              "FINISHED",
              0,
              0,
              Map.of(),
              Map.of(),
              Optional.empty(),
              Optional.of("boom"),
              T0,
              Optional.of(T0),
              Optional.of(T0)));

      Instant restart = Instant.parse("2026-11-23T05:00:00Z");
      assertThat(jobs.interruptUnfinished(restart, "the server stopped")).isEqualTo(2);

      JobRecord r = jobs.find(B, "r").orElseThrow();
      assertThat(r.state()).isEqualTo(JobState.INTERRUPTED);
      assertThat(r.done()).as("progress kept").isEqualTo(4);
      assertThat(r.total()).isEqualTo(10);
      assertThat(r.outcome()).contains("removed S 1");
      assertThat(r.message()).contains("the server stopped");
      assertThat(r.finishedAt()).contains(restart);
      assertThat(jobs.find(A, "q").orElseThrow().state()).isEqualTo(JobState.INTERRUPTED);
      assertThat(jobs.find(A, "f").orElseThrow().state()).isEqualTo(JobState.FAILED);
      assertThat(jobs.find(A, "f").orElseThrow().message()).contains("boom");
      assertThat(jobs.interruptUnfinished(restart, "again")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void recentIsNewestFirstAndPruneKeepsTheNewestFinishedAndEveryUnfinished(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      JobRepository jobs = new JdbcJobRepository(db.database().dataSource());
      for (int i = 0; i < 5; i++) {
        JobRecord q =
            JobRecord.queued("j" + i, JobKind.IP_REASSESS, A, "alice", Map.of(), T0.plusSeconds(i));
        jobs.insert(q);
        if (i != 0) {
          jobs.update(
              new JobRecord(
                  q.id(),
                  q.kind(),
                  A,
                  "alice",
                  JobState.DONE,
                  "FINISHED",
                  1,
                  1,
                  Map.of(),
                  Map.of(),
                  Optional.empty(),
                  Optional.empty(),
                  q.createdAt(),
                  Optional.empty(),
                  Optional.empty()));
        }
      }
      jobs.insert(JobRecord.queued("b0", JobKind.IP_REASSESS, B, "bob", Map.of(), T0));

      assertThat(jobs.recent(A, 3)).extracting(JobRecord::id).containsExactly("j4", "j3", "j2");
      assertThat(jobs.prune(A, 2)).isEqualTo(2);
      assertThat(jobs.recent(A, 10)).extracting(JobRecord::id).containsExactly("j4", "j3", "j0");
      assertThat(jobs.recent(B, 10)).extracting(JobRecord::id).containsExactly("b0");
    }
  }
}
