package org.tiptrace.app.jobs;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.job.JobKind;
import org.tiptrace.job.JobRecord;
import org.tiptrace.job.JobRepository;
import org.tiptrace.tip.AgencyId;

/**
 * Creates, tracks and reads the stored jobs. On construction (the app's start) every job the
 * database still shows QUEUED or RUNNING is marked INTERRUPTED: this process runs the jobs, so such
 * a job was cut off by the previous one stopping. (Two app processes on one database would
 * interrupt each other's jobs: Tiptrace runs one {@code serve} per database.)
 */
@Component
public final class JobLedger {
  private static final System.Logger LOG = System.getLogger(JobLedger.class.getName());

  /** Finished jobs kept per agency; older ones are deleted as new ones start. */
  static final int KEEP = 200;

  static final String INTERRUPTED =
      "the server stopped while this job was queued or running; its work may be partly done";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JobRepository jobs;
  private final Clock clock;

  public JobLedger(TiptraceBackend backend, Clock clock) {
    this.jobs = backend.jobs();
    this.clock = clock;
    int interrupted = jobs.interruptUnfinished(clock.instant(), INTERRUPTED);
    if (interrupted > 0) {
      LOG.log(
          System.Logger.Level.WARNING,
          interrupted + " job(s) left unfinished by the last run marked INTERRUPTED");
    }
  }

  /** Stores a new QUEUED job of the agency, owned by the signed-in user. */
  public TrackedJob create(JobKind kind, AgencyId agency, Map<String, String> parameters) {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    JobRecord job =
        JobRecord.queued(
            HexFormat.of().formatHex(b), kind, agency, owner(), parameters, clock.instant());
    jobs.insert(job);
    jobs.prune(agency, KEEP);
    return new TrackedJob(jobs, clock, job);
  }

  /** The agency's job; empty for an unknown id or another agency's job. */
  public Optional<JobRecord> find(AgencyId agency, String id) {
    return jobs.find(agency, id);
  }

  /** The agency's latest jobs, newest first. */
  public java.util.List<JobRecord> recent(AgencyId agency, int limit) {
    return jobs.recent(agency, limit);
  }

  /** Records, on the interrupted job, which job re-runs it. */
  public void noteRerun(JobRecord interrupted, String newId) {
    jobs.update(
        new JobRecord(
            interrupted.id(),
            interrupted.kind(),
            interrupted.agency(),
            interrupted.owner(),
            interrupted.state(),
            interrupted.phase(),
            interrupted.done(),
            interrupted.total(),
            interrupted.parameters(),
            interrupted.counters(),
            interrupted.outcome(),
            Optional.of(interrupted.message().orElse(INTERRUPTED) + "; re-run as job " + newId),
            interrupted.createdAt(),
            interrupted.startedAt(),
            interrupted.finishedAt()));
  }

  private static String owner() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null ? "(system)" : auth.getName();
  }
}
