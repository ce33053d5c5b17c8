package org.tiptrace.app.hashsets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.tiptrace.app.ip.IpJobs;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.queue.Retriage;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetFormatException;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetReader;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.TipMatching;
import org.tiptrace.intake.ArchiveStatus;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;

/**
 * The web app's hash-set imports and removals, one at a time on one worker thread, with their
 * progress: import (or remove), then re-match every stored tip of every agency (the sets are
 * national), then re-triage the tips whose matches changed — the same steps as {@code tiptrace
 * hashsets import|remove}. Jobs live in memory like {@link IpJobs}: a restart forgets them, the
 * stored set and matches stay. Each job belongs to the agency of the administrator who started it;
 * another agency never sees it.
 */
@Component
public final class HashSetJobs implements DisposableBean {
  private static final System.Logger LOG = System.getLogger(HashSetJobs.class.getName());
  private static final int KEEP = 200;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TiptraceBackend backend;
  private final LinkTriageService linkTriage;
  private final Clock clock;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tiptrace-hashset-jobs");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, Job> jobs = new LinkedHashMap<>();

  HashSetJobs(TiptraceBackend backend, LinkTriageService linkTriage, Clock clock) {
    this.backend = backend;
    this.linkTriage = linkTriage;
    this.clock = clock;
  }

  /** Which step a running job is in. */
  public enum Phase {
    QUEUED,
    IMPORTING,
    REMOVING,
    REMATCHING,
    RETRIAGING,
    FINISHED
  }

  /**
   * A job as the API shows it.
   *
   * @param done tips re-matched so far, of {@code total} (0 until the tips are counted)
   * @param changed tips whose matches changed (marked for re-triage)
   * @param outcome what was imported or removed, once it was
   * @param error why it failed (file, place and reason for a malformed upload)
   */
  public record View(
      String id,
      String kind,
      String agency,
      String setName,
      IpJobs.State state,
      Phase phase,
      int done,
      int total,
      int changed,
      int retriaged,
      Instant queuedAt,
      Optional<Instant> finishedAt,
      Optional<String> outcome,
      Optional<String> error) {}

  /** An uploaded set waiting to be imported; {@code bytes} are already archived. */
  public record Upload(
      HashSetInfo info, HashSetFormat format, String fileName, byte[] bytes, Sha256 sha256) {}

  private interface Work {
    void run(Job job) throws IOException;
  }

  private static final class Job {
    final String id;
    final String kind;
    final AgencyId agency;
    final String setName;
    final Instant queuedAt;
    volatile IpJobs.State state = IpJobs.State.QUEUED;
    volatile Phase phase = Phase.QUEUED;
    volatile int done;
    volatile int total;
    volatile int changed;
    volatile int retriaged;
    volatile @Nullable Instant finishedAt;
    volatile @Nullable String outcome;
    volatile @Nullable String error;

    Job(String id, String kind, AgencyId agency, String setName, Instant queuedAt) {
      this.id = id;
      this.kind = kind;
      this.agency = agency;
      this.setName = setName;
      this.queuedAt = queuedAt;
    }

    View view() {
      return new View(
          id,
          kind,
          agency.code(),
          setName,
          state,
          phase,
          done,
          total,
          changed,
          retriaged,
          queuedAt,
          Optional.ofNullable(finishedAt),
          Optional.ofNullable(outcome),
          Optional.ofNullable(error));
    }
  }

  /** Queues the import of an archived upload, then the re-match and re-triage. */
  public View startImport(AgencyId agency, Upload upload) {
    return start(
        agency,
        "hashset-import",
        upload.info().name(),
        job -> {
          job.phase = Phase.IMPORTING;
          HashSetReader reader =
              TiptraceBackend.hashSetReaders()
                  .reader(upload.format())
                  .orElseThrow(() -> new IllegalStateException("no reader for " + upload.format()));
          Path dir = Files.createTempDirectory("tiptrace-hashset-");
          // The reader's messages name this file: give it the uploaded name.
          Path file = dir.resolve(safeName(upload.fileName()));
          try {
            Files.write(file, upload.bytes());
            HashSetRepository.Imported imported;
            try {
              imported =
                  backend
                      .hashSets()
                      .importSet(
                          upload.info(),
                          upload.format(),
                          upload.sha256().hex(),
                          clock.instant(),
                          sink -> reader.read(file, sink, (d, t) -> {}));
            } catch (HashSetFormatException e) {
              backend
                  .archive()
                  .recordOutcome(
                      agency, upload.sha256(), ArchiveStatus.QUARANTINED, List.of(e.problem()));
              throw new JobFailure(e.problem().message() + "; nothing was imported");
            }
            backend
                .archive()
                .recordOutcome(
                    agency, upload.sha256(), ArchiveStatus.ACCEPTED, imported.summary().warnings());
            job.outcome =
                "imported "
                    + imported.set().label()
                    + ": "
                    + imported.summary().records()
                    + " records, "
                    + imported.set().entryCount()
                    + " hashes"
                    + imported
                        .replaced()
                        .map(r -> "; replaced version " + r.info().version())
                        .orElse("");
            rematch(job, "hash set " + imported.set().label() + " imported");
          } finally {
            try (Stream<Path> s = Files.walk(dir)) {
              for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
              }
            }
          }
        });
  }

  /** Queues the removal of a set, then the re-match and re-triage. */
  public View startRemove(AgencyId agency, String name) {
    return start(
        agency,
        "hashset-remove",
        name,
        job -> {
          job.phase = Phase.REMOVING;
          var set = backend.hashSets().find(name);
          if (set.isEmpty() || !backend.hashSets().remove(name)) {
            throw new JobFailure("no hash set named '" + name + "'");
          }
          job.outcome = "removed " + set.get().label();
          rematch(job, "hash set " + set.get().label() + " removed");
        });
  }

  private void rematch(Job job, String reason) {
    job.phase = Phase.REMATCHING;
    TipMatching.Rematch r =
        new TipMatching(backend.hashSets(), backend.tips(), clock)
            .rematchAll(
                reason,
                (done, total) -> {
                  job.total = total;
                  job.done = done;
                });
    job.total = r.tips();
    job.done = r.tips();
    job.changed = r.changed();
    job.phase = Phase.RETRIAGING;
    job.retriaged = new Retriage(backend.hashSets(), linkTriage).consumeAll().tips();
  }

  private View start(AgencyId agency, String kind, String setName, Work work) {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    Job job = new Job(HexFormat.of().formatHex(b), kind, agency, setName, clock.instant());
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
    worker.execute(() -> run(job, work));
    return job.view();
  }

  private void run(Job job, Work work) {
    job.state = IpJobs.State.RUNNING;
    try {
      work.run(job);
      job.state = IpJobs.State.DONE;
    } catch (JobFailure e) {
      job.error = e.getMessage();
      job.state = IpJobs.State.FAILED;
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "hash-set job " + job.id + " failed", e);
      job.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      job.state = IpJobs.State.FAILED;
    } finally {
      job.phase = Phase.FINISHED;
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

  private static String safeName(String name) {
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    return base.isEmpty() || base.startsWith(".") ? "upload" + base : base;
  }

  /** An expected failure whose message is the whole story (no stack trace in the log). */
  private static final class JobFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JobFailure(String message) {
      super(message);
    }
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
