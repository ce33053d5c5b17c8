package org.tiptrace.app.ip;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.tiptrace.app.intake.IpEnrichment;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.tip.AgencyId;

/**
 * The web app's background re-assessments ({@code POST /api/v1/ip/reassess}), one at a time on one
 * worker thread, with their progress. Jobs live in memory: a restart forgets them (the stored
 * results they wrote stay). Each job belongs to an agency; another agency never sees it.
 */
@Component
public final class IpJobs implements DisposableBean {
  private static final System.Logger LOG = System.getLogger(IpJobs.class.getName());
  private static final int KEEP = 200;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Reassessment reassessment;
  private final Clock clock;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tiptrace-ip-jobs");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, Job> jobs = new LinkedHashMap<>();

  IpJobs(
      TiptraceBackend backend, IpEnrichment enrichment, LinkTriageService linkTriage, Clock clock) {
    this.reassessment =
        new Reassessment(backend.tips(), backend.ipAssessments(), enrichment, linkTriage::rescore);
    this.clock = clock;
  }

  /** What a job is doing. */
  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    FAILED
  }

  /**
   * A job as the API shows it.
   *
   * @param done tips gone through so far, of {@code total} (0 until the tips are counted)
   * @param changed tips whose attribution or routing changed
   * @param error why it failed, when it did
   */
  public record View(
      String id,
      String kind,
      String agency,
      boolean all,
      State state,
      int done,
      int total,
      int reassessed,
      int changed,
      Instant queuedAt,
      Optional<Instant> finishedAt,
      Optional<String> dataSets,
      Optional<String> error) {}

  private static final class Job {
    final String id;
    final AgencyId agency;
    final boolean all;
    final Instant queuedAt;
    volatile State state = State.QUEUED;
    volatile int done;
    volatile int total;
    volatile int reassessed;
    volatile int changed;
    volatile @Nullable Instant finishedAt;
    volatile @Nullable String dataSets;
    volatile @Nullable String error;

    Job(String id, AgencyId agency, boolean all, Instant queuedAt) {
      this.id = id;
      this.agency = agency;
      this.all = all;
      this.queuedAt = queuedAt;
    }

    View view() {
      return new View(
          id,
          "ip-reassess",
          agency.code(),
          all,
          state,
          done,
          total,
          reassessed,
          changed,
          queuedAt,
          Optional.ofNullable(finishedAt),
          Optional.ofNullable(dataSets),
          Optional.ofNullable(error));
    }
  }

  /** Queues a re-assessment of the agency's tips. */
  public View startReassess(AgencyId agency, boolean all) {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    Job job = new Job(HexFormat.of().formatHex(b), agency, all, clock.instant());
    synchronized (jobs) {
      jobs.put(job.id, job);
      if (jobs.size() > KEEP) {
        jobs.values()
            .removeIf(
                j -> jobs.size() > KEEP && (j.state == State.DONE || j.state == State.FAILED));
      }
    }
    worker.execute(() -> run(job));
    return job.view();
  }

  private void run(Job job) {
    job.state = State.RUNNING;
    try {
      Reassessment.Summary s =
          reassessment.run(
              job.agency,
              job.all,
              (done, total, tip) -> {
                job.total = total;
                job.done = done;
              });
      job.total = s.tips();
      job.done = s.tips();
      job.reassessed = s.reassessed();
      job.changed = s.changed();
      job.dataSets = s.dataSets();
      job.state = State.DONE;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "IP re-assessment job " + job.id + " failed", e);
      job.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      job.state = State.FAILED;
    } finally {
      job.finishedAt = clock.instant();
    }
  }

  /** The agency's job; empty for an unknown id or another agency's job. */
  public Optional<View> find(AgencyId agency, String id) {
    synchronized (jobs) {
      Job j = jobs.get(id);
      return j == null || !j.agency.equals(agency) ? Optional.empty() : Optional.of(j.view());
    }
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
