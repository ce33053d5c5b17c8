package org.tiptrace.app.ip;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.tiptrace.app.intake.IpEnrichment;
import org.tiptrace.app.jobs.JobLedger;
import org.tiptrace.app.jobs.TrackedJob;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.job.JobKind;
import org.tiptrace.job.JobRecord;
import org.tiptrace.job.JobState;
import org.tiptrace.tip.AgencyId;

/**
 * The web app's background re-assessments ({@code POST /api/v1/ip/reassess}), one at a time on one
 * worker thread, with their progress. Jobs are stored ({@link JobLedger}, V13): a restart keeps
 * them, and one it cut off shows INTERRUPTED; re-running it ({@link #rerun}) is safe, since a
 * re-assessment only recomputes and replaces each tip's stored assessment. Each job belongs to an
 * agency; another agency never sees it.
 */
@Component
public final class IpJobs implements DisposableBean {
  private static final System.Logger LOG = System.getLogger(IpJobs.class.getName());
  private static final String ALL = "all";
  private static final String RERUN_OF = "rerunOf";

  private final Reassessment reassessment;
  private final JobLedger ledger;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tiptrace-ip-jobs");
            t.setDaemon(true);
            return t;
          });

  IpJobs(
      TiptraceBackend backend,
      JobLedger ledger,
      IpEnrichment enrichment,
      LinkTriageService linkTriage) {
    this.reassessment =
        new Reassessment(backend.tips(), backend.ipAssessments(), enrichment, linkTriage::rescore);
    this.ledger = ledger;
  }

  /**
   * A job as the API shows it.
   *
   * @param done tips gone through so far, of {@code total} (0 until the tips are counted)
   * @param changed tips whose attribution or routing changed
   * @param error why it failed or was interrupted, when it was
   */
  public record View(
      String id,
      String kind,
      String agency,
      boolean all,
      JobState state,
      long done,
      long total,
      long reassessed,
      long changed,
      Instant queuedAt,
      Optional<Instant> finishedAt,
      Optional<String> dataSets,
      Optional<String> error) {

    static View of(JobRecord r) {
      return new View(
          r.id(),
          r.kind().label(),
          r.agency().code(),
          r.parameter(ALL).map(Boolean::parseBoolean).orElse(false),
          r.state(),
          r.done(),
          r.total(),
          r.counter("reassessed"),
          r.counter("changed"),
          r.createdAt(),
          r.finishedAt(),
          r.outcome(),
          r.message());
    }
  }

  /** Queues a re-assessment of the agency's tips. */
  public View startReassess(AgencyId agency, boolean all) {
    return start(agency, all, Map.of(ALL, Boolean.toString(all)));
  }

  private View start(AgencyId agency, boolean all, Map<String, String> parameters) {
    TrackedJob job = ledger.create(JobKind.IP_REASSESS, agency, parameters);
    worker.execute(() -> run(job, agency, all));
    return View.of(job.record());
  }

  private void run(TrackedJob job, AgencyId agency, boolean all) {
    try {
      job.start("REASSESSING");
      Reassessment.Summary s =
          reassessment.run(agency, all, (done, total, tip) -> job.progress(done, total));
      job.progress(s.tips(), s.tips());
      job.count("reassessed", s.reassessed());
      job.count("changed", s.changed());
      job.outcome(s.dataSets());
      job.done("FINISHED");
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "IP re-assessment job " + job.id() + " failed", e);
      job.failed(
          "FINISHED", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /**
   * Runs an INTERRUPTED re-assessment of the agency again, as a new job; empty for an unknown id, a
   * hash-set job or another agency's job.
   *
   * @throws IllegalStateException when the job is not INTERRUPTED
   */
  public Optional<View> rerun(AgencyId agency, String id) {
    Optional<JobRecord> found =
        ledger.find(agency, id).filter(j -> j.kind() == JobKind.IP_REASSESS);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    JobRecord old = found.get();
    if (old.state() != JobState.INTERRUPTED) {
      throw new IllegalStateException(
          "job " + id + " is " + old.state() + "; only an INTERRUPTED job can be re-run");
    }
    boolean all = old.parameter(ALL).map(Boolean::parseBoolean).orElse(false);
    View started = start(agency, all, Map.of(ALL, Boolean.toString(all), RERUN_OF, old.id()));
    ledger.noteRerun(old, started.id());
    return Optional.of(started);
  }

  /** The agency's re-assessment job; empty for an unknown id or another agency's job. */
  public Optional<View> find(AgencyId agency, String id) {
    return ledger.find(agency, id).filter(j -> j.kind() == JobKind.IP_REASSESS).map(View::of);
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
