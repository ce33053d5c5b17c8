package org.tiptrace.app.rules;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.tiptrace.app.jobs.JobLedger;
import org.tiptrace.app.jobs.TrackedJob;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.job.JobKind;
import org.tiptrace.job.JobRecord;
import org.tiptrace.job.JobState;
import org.tiptrace.tip.AgencyId;

/**
 * Re-scoring after a triage version was activated: every stored tip of every agency (the rules are
 * national) scored again with the active rules, on one worker thread, with progress. Jobs are
 * stored like the IP and hash-set jobs ({@link JobLedger}, V13): a restart shows a cut-off job as
 * INTERRUPTED; tips not re-scored yet keep the version they were scored with (each result names
 * it), and activating a version again re-scores all. Each job belongs to the agency of the
 * administrator who started it; another agency never sees it.
 */
@Component
public final class RuleJobs implements DisposableBean {
  private static final System.Logger LOG = System.getLogger(RuleJobs.class.getName());
  private static final String RULES_VERSION = "rulesVersion";

  private final RuleSets rules;
  private final LinkTriageService linkTriage;
  private final JobLedger ledger;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tiptrace-rule-jobs");
            t.setDaemon(true);
            return t;
          });

  RuleJobs(RuleSets rules, LinkTriageService linkTriage, JobLedger ledger) {
    this.rules = rules;
    this.linkTriage = linkTriage;
    this.ledger = ledger;
  }

  /**
   * A job as the API shows it.
   *
   * @param rulesVersion the stored version activated ({@code triage v2 (…)})
   * @param done tips re-scored so far, of {@code total}
   */
  public record View(
      String id,
      String agency,
      String rulesVersion,
      JobState state,
      long done,
      long total,
      Instant queuedAt,
      Optional<Instant> finishedAt,
      Optional<String> error) {

    static View of(JobRecord r) {
      return new View(
          r.id(),
          r.agency().code(),
          r.parameter(RULES_VERSION).orElse(""),
          r.state(),
          r.done(),
          r.total(),
          r.createdAt(),
          r.finishedAt(),
          r.message());
    }

    /** Still queued or running (the job page keeps refreshing). */
    public boolean running() {
      return !state.finished();
    }
  }

  /** Queues the re-scoring of every stored tip with the active triage rules. */
  public View startRescore(AgencyId agency, String rulesVersion) {
    TrackedJob job =
        ledger.create(JobKind.RULES_RESCORE, agency, Map.of(RULES_VERSION, rulesVersion));
    worker.execute(() -> run(job));
    return View.of(job.record());
  }

  private void run(TrackedJob job) {
    try {
      job.start("RESCORING");
      rules.rescoreAll(linkTriage, (done, total) -> job.progress(done, total));
      job.done("FINISHED");
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "rule-set job " + job.id() + " failed", e);
      job.failed(
          "FINISHED", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /** The agency's job; empty for an unknown id, another kind of job or another agency's job. */
  public Optional<View> find(AgencyId agency, String id) {
    return ledger.find(agency, id).filter(j -> j.kind() == JobKind.RULES_RESCORE).map(View::of);
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
