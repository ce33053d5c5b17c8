package org.tiptrace.app.jobs;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tiptrace.job.JobRecord;
import org.tiptrace.job.JobRepository;
import org.tiptrace.job.JobState;

/**
 * A job being run: every change of state, phase, outcome or counter is written to the store at
 * once; progress ({@link #progress}) at most every {@value #PROGRESS_WRITE_MS} ms, so a job over a
 * million tips does not write a million rows. The worker thread changes it; readers read the store.
 */
public final class TrackedJob {
  static final long PROGRESS_WRITE_MS = 500;

  private final JobRepository jobs;
  private final Clock clock;
  private JobRecord record;
  private long lastProgressWrite;

  TrackedJob(JobRepository jobs, Clock clock, JobRecord record) {
    this.jobs = jobs;
    this.clock = clock;
    this.record = record;
  }

  public synchronized JobRecord record() {
    return record;
  }

  public String id() {
    return record().id();
  }

  /** The worker picked it up. */
  public synchronized void start(String phase) {
    write(with(JobState.RUNNING, phase, Optional.of(clock.instant()), Optional.empty()));
  }

  public synchronized void phase(String phase) {
    write(with(record.state(), phase, record.startedAt(), record.finishedAt()));
  }

  /** Progress; written when the last write is old enough or the work is complete. */
  public synchronized void progress(long done, long total) {
    record = copy(done, total, record.counters(), record.outcome(), record.message());
    long now = System.nanoTime();
    if (done >= total || now - lastProgressWrite >= PROGRESS_WRITE_MS * 1_000_000) {
      lastProgressWrite = now;
      jobs.update(record);
    }
  }

  public synchronized void count(String counter, long value) {
    Map<String, Long> counters = new HashMap<>(record.counters());
    counters.put(counter, value);
    write(copy(record.done(), record.total(), counters, record.outcome(), record.message()));
  }

  public synchronized void outcome(String outcome) {
    write(
        copy(
            record.done(),
            record.total(),
            record.counters(),
            Optional.of(outcome),
            record.message()));
  }

  public synchronized void done(String phase) {
    write(with(JobState.DONE, phase, record.startedAt(), Optional.of(clock.instant())));
  }

  public synchronized void failed(String phase, String message) {
    record =
        copy(
            record.done(),
            record.total(),
            record.counters(),
            record.outcome(),
            Optional.of(message));
    write(with(JobState.FAILED, phase, record.startedAt(), Optional.of(clock.instant())));
  }

  private void write(JobRecord next) {
    record = next;
    jobs.update(next);
  }

  private JobRecord with(
      JobState state,
      String phase,
      Optional<java.time.Instant> startedAt,
      Optional<java.time.Instant> finishedAt) {
    return new JobRecord(
        record.id(),
        record.kind(),
        record.agency(),
        record.owner(),
        state,
        phase,
        record.done(),
        record.total(),
        record.parameters(),
        record.counters(),
        record.outcome(),
        record.message(),
        record.createdAt(),
        startedAt,
        finishedAt);
  }

  private JobRecord copy(
      long done,
      long total,
      Map<String, Long> counters,
      Optional<String> outcome,
      Optional<String> message) {
    return new JobRecord(
        record.id(),
        record.kind(),
        record.agency(),
        record.owner(),
        record.state(),
        record.phase(),
        done,
        total,
        record.parameters(),
        counters,
        outcome,
        message,
        record.createdAt(),
        record.startedAt(),
        record.finishedAt());
  }
}
