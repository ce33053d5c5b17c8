package org.tiptrace.app.rules;

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
import org.tiptrace.app.ip.IpJobs;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.tip.AgencyId;

/**
 * Re-scoring after a triage version was activated: every stored tip of every agency (the rules are
 * national) scored again with the active rules, on one worker thread, with progress. Jobs live in
 * memory like {@code IpJobs} and {@code HashSetJobs}: a restart forgets the job, not the results
 * already stored; tips not re-scored yet keep the version they were scored with (each result names
 * it), and a new activation re-scores all again. Each job belongs to the agency of the
 * administrator who started it; another agency never sees it.
 */
@Component
public final class RuleJobs implements DisposableBean {
  private static final System.Logger LOG = System.getLogger(RuleJobs.class.getName());
  private static final int KEEP = 200;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RuleSets rules;
  private final LinkTriageService linkTriage;
  private final Clock clock;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tiptrace-rule-jobs");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, Job> jobs = new LinkedHashMap<>();

  RuleJobs(RuleSets rules, LinkTriageService linkTriage, Clock clock) {
    this.rules = rules;
    this.linkTriage = linkTriage;
    this.clock = clock;
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
      IpJobs.State state,
      int done,
      int total,
      Instant queuedAt,
      Optional<Instant> finishedAt,
      Optional<String> error) {}

  private static final class Job {
    final String id;
    final AgencyId agency;
    final String rulesVersion;
    final Instant queuedAt;
    volatile IpJobs.State state = IpJobs.State.QUEUED;
    volatile int done;
    volatile int total;
    volatile @Nullable Instant finishedAt;
    volatile @Nullable String error;

    Job(String id, AgencyId agency, String rulesVersion, Instant queuedAt) {
      this.id = id;
      this.agency = agency;
      this.rulesVersion = rulesVersion;
      this.queuedAt = queuedAt;
    }

    View view() {
      return new View(
          id,
          agency.code(),
          rulesVersion,
          state,
          done,
          total,
          queuedAt,
          Optional.ofNullable(finishedAt),
          Optional.ofNullable(error));
    }
  }

  /** Queues the re-scoring of every stored tip with the active triage rules. */
  public View startRescore(AgencyId agency, String rulesVersion) {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    Job job = new Job(HexFormat.of().formatHex(b), agency, rulesVersion, clock.instant());
    synchronized (jobs) {
      jobs.put(job.id, job);
      if (jobs.size() > KEEP) {
        jobs.values()
            .removeIf(
                j ->
                    jobs.size() > KEEP
                        && (j.state == IpJobs.State.DONE || j.state == IpJobs.State.FAILED));
      }
    }
    worker.execute(() -> run(job));
    return job.view();
  }

  private void run(Job job) {
    job.state = IpJobs.State.RUNNING;
    try {
      rules.rescoreAll(
          linkTriage,
          (done, total) -> {
            job.total = total;
            job.done = done;
          });
      job.state = IpJobs.State.DONE;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "rule-set job " + job.id + " failed", e);
      job.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      job.state = IpJobs.State.FAILED;
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
