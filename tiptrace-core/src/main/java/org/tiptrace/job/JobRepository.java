package org.tiptrace.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tiptrace.tip.AgencyId;

/** Stored background jobs; implemented by tiptrace-store. Every read is scoped by agency. */
public interface JobRepository {

  /** Stores a new job; its id must be new. */
  void insert(JobRecord job);

  /** Replaces the stored job of the same id and agency; false when there is none. */
  boolean update(JobRecord job);

  /** The agency's job; empty for an unknown id or another agency's job. */
  Optional<JobRecord> find(AgencyId agency, String id);

  /** The agency's most recent jobs, newest first. */
  List<JobRecord> recent(AgencyId agency, int limit);

  /**
   * Marks every job still QUEUED or RUNNING as {@link JobState#INTERRUPTED}, finished at {@code
   * at}, with {@code message}; for the start of a process that runs the jobs. Returns how many.
   */
  int interruptUnfinished(Instant at, String message);

  /** Deletes the agency's finished jobs beyond the newest {@code keep}; returns how many. */
  int prune(AgencyId agency, int keep);
}
