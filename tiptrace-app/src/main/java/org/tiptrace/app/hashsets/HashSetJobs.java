package org.tiptrace.app.hashsets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tiptrace.app.intake.HashMatchingStep;
import org.tiptrace.app.jobs.JobLedger;
import org.tiptrace.app.jobs.TrackedJob;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.queue.Retriage;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEvent;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetFormatException;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetReader;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.TipMatching;
import org.tiptrace.hash.sets.VicsCategoryMap;
import org.tiptrace.intake.ArchiveStatus;
import org.tiptrace.job.JobKind;
import org.tiptrace.job.JobRecord;
import org.tiptrace.job.JobState;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;

/**
 * The web app's hash-set imports and removals, one at a time on one worker thread, with their
 * progress: import (or remove), then re-match every stored tip of every agency (the sets are
 * national), then re-triage the tips whose matches changed — the same steps as {@code tiptrace
 * hashsets import|remove}. Jobs are stored ({@link JobLedger}, V13) with what they were asked to
 * do, so a restart keeps them; one cut off by a restart shows INTERRUPTED and can be re-run ({@link
 * #rerun}): an import again from its archived upload (a replace is atomic, so a half-run import
 * left nothing behind), a removal again (removing is idempotent; the re-match runs either way).
 * Each job belongs to the agency of the administrator who started it; another agency never sees it.
 */
@Component
public final class HashSetJobs implements DisposableBean {
  private static final System.Logger LOG = System.getLogger(HashSetJobs.class.getName());
  private final TiptraceBackend backend;
  private final JobLedger ledger;
  private final LinkTriageService linkTriage;
  private final Clock clock;
  private final Supplier<TipMatching> matching;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tiptrace-hashset-jobs");
            t.setDaemon(true);
            return t;
          });

  /**
   * Jobs that re-match with the ingest step's {@link TipMatching}: its matcher keeps the indexes of
   * the sets a job did not touch and loads only the changed one (decision 0019), instead of a
   * second full matcher beside it.
   */
  @Autowired
  public HashSetJobs(
      TiptraceBackend backend,
      JobLedger ledger,
      LinkTriageService linkTriage,
      Clock clock,
      HashMatchingStep hashMatching) {
    this(backend, ledger, linkTriage, clock, hashMatching::matching);
  }

  /** Jobs that build a matcher (from the index cache, else the database) for each re-match. */
  public HashSetJobs(
      TiptraceBackend backend, JobLedger ledger, LinkTriageService linkTriage, Clock clock) {
    this(
        backend,
        ledger,
        linkTriage,
        clock,
        () -> new TipMatching(backend.hashSets(), backend.tips(), clock));
  }

  private HashSetJobs(
      TiptraceBackend backend,
      JobLedger ledger,
      LinkTriageService linkTriage,
      Clock clock,
      Supplier<TipMatching> matching) {
    this.backend = backend;
    this.ledger = ledger;
    this.linkTriage = linkTriage;
    this.clock = clock;
    this.matching = matching;
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
      JobState state,
      Phase phase,
      long done,
      long total,
      long changed,
      long retriaged,
      Instant queuedAt,
      Optional<Instant> finishedAt,
      Optional<String> outcome,
      Optional<String> error) {

    static View of(JobRecord r) {
      return new View(
          r.id(),
          r.kind().label(),
          r.agency().code(),
          r.parameter(NAME).orElse(""),
          r.state(),
          phaseOf(r),
          r.done(),
          r.total(),
          r.counter(CHANGED),
          r.counter(RETRIAGED),
          r.createdAt(),
          r.finishedAt(),
          r.outcome(),
          r.message());
    }

    private static Phase phaseOf(JobRecord r) {
      if (r.state().finished()) {
        return Phase.FINISHED;
      }
      try {
        return Phase.valueOf(r.phase());
      } catch (IllegalArgumentException e) {
        return Phase.QUEUED;
      }
    }
  }

  /**
   * An uploaded set waiting to be imported: its bytes, already archived, in {@code file}, alone in
   * a temporary directory that the job deletes when it ends.
   */
  public record Upload(
      HashSetInfo info, HashSetFormat format, String fileName, Path file, Sha256 sha256) {}

  /** An upload copied to a temporary file (named after the upload, for the reader's messages). */
  public record Spooled(Path file, Sha256 sha256, long bytes) {}

  /** An upload above the limit; {@code bytes} is how far it was read (the limit plus one). */
  public static final class UploadTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final long bytes;

    UploadTooLarge(long bytes, long limit) {
      super("upload of more than " + limit + " bytes");
      this.bytes = bytes;
    }

    public long bytes() {
      return bytes;
    }
  }

  /**
   * Copies {@code in} to a new temporary directory, hashing it on the way, and stops (deleting the
   * copy) once it exceeds {@code maxBytes}.
   */
  public static Spooled spool(InputStream in, String fileName, long maxBytes) throws IOException {
    Path dir = Files.createTempDirectory("tiptrace-hashset-");
    Path file = dir.resolve(safeName(fileName));
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
    long total = 0;
    boolean done = false;
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > maxBytes) {
          throw new UploadTooLarge(total, maxBytes);
        }
        sha.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      done = true;
    } finally {
      if (!done) {
        deleteTree(file.getParent());
      }
    }
    return new Spooled(file, new Sha256(HexFormat.of().formatHex(sha.digest())), total);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static final String NAME = "name";
  private static final String CHANGED = "changed";
  private static final String RETRIAGED = "retriaged";

  private interface Work {
    void run(TrackedJob job) throws IOException;
  }

  private static Map<String, String> parameters(Upload upload) {
    Map<String, String> p = new LinkedHashMap<>();
    HashSetInfo info = upload.info();
    p.put(NAME, info.name());
    p.put("version", info.version());
    info.source().ifPresent(v -> p.put("source", v));
    info.licence().ifPresent(v -> p.put("licence", v));
    p.put("categoryScheme", info.categoryScheme());
    p.put("kind", info.kind().name());
    p.put("enabled", Boolean.toString(info.enabled()));
    p.put("format", upload.format().name());
    p.put("fileName", upload.fileName());
    p.put("sha256", upload.sha256().hex());
    return p;
  }

  /** Queues the import of an archived upload, then the re-match and re-triage. */
  public View startImport(AgencyId agency, Upload upload) {
    return startImport(agency, upload, Map.of());
  }

  private View startImport(AgencyId agency, Upload upload, Map<String, String> extra) {
    Map<String, String> parameters = parameters(upload);
    parameters.putAll(extra);
    return start(
        agency,
        JobKind.HASHSET_IMPORT,
        parameters,
        job -> {
          job.phase(Phase.IMPORTING.name());
          HashSetReader reader =
              TiptraceBackend.hashSetReaders()
                  .reader(upload.format())
                  .orElseThrow(() -> new IllegalStateException("no reader for " + upload.format()));
          // The reader's messages name this file: it carries the uploaded name.
          Path file = upload.file();
          try {
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
            job.outcome(
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
                        .orElse(""));
            rematch(job, "hash set " + imported.set().label() + " imported");
          } finally {
            deleteTree(file.getParent());
          }
        });
  }

  /** Queues the removal of a set, then the re-match and re-triage. */
  public View startRemove(AgencyId agency, String name) {
    return startRemove(agency, name, Map.of());
  }

  private View startRemove(AgencyId agency, String name, Map<String, String> extra) {
    Map<String, String> p = new LinkedHashMap<>(extra);
    p.put(NAME, name);
    boolean rerun = extra.containsKey(RERUN_OF);
    return start(
        agency,
        JobKind.HASHSET_REMOVE,
        p,
        job -> {
          job.phase(Phase.REMOVING.name());
          var set = backend.hashSets().find(name);
          if (set.isPresent() && backend.hashSets().remove(name)) {
            job.outcome("removed " + set.get().label());
            rematch(job, "hash set " + set.get().label() + " removed");
          } else if (rerun) {
            // The interrupted run removed it; what may be missing is the re-match.
            job.outcome("hash set '" + name + "' was already removed");
            rematch(job, "hash set " + name + " removed");
          } else {
            throw new JobFailure("no hash set named '" + name + "'");
          }
        });
  }

  static final String RERUN_OF = "rerunOf";

  /**
   * Runs an INTERRUPTED job of the agency again as a new job; empty for an unknown id or another
   * agency's job.
   *
   * @throws IllegalStateException when the job is not INTERRUPTED (nothing to re-run)
   */
  public Optional<View> rerun(AgencyId agency, String id) {
    Optional<JobRecord> found = record(agency, id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    JobRecord old = found.get();
    if (old.state() != JobState.INTERRUPTED) {
      throw new IllegalStateException(
          "job " + id + " is " + old.state() + "; only an INTERRUPTED job can be re-run");
    }
    Map<String, String> extra = Map.of(RERUN_OF, old.id());
    View started =
        switch (old.kind()) {
          case HASHSET_IMPORT -> startImport(agency, upload(agency, old), extra);
          case HASHSET_REMOVE -> startRemove(agency, old.parameter(NAME).orElseThrow(), extra);
          case HASHSET_CATEGORY_MAP ->
              startCategoryMap(old.agency(), "re-run of job " + old.id(), extra);
          case IP_REASSESS, RULES_RESCORE ->
              throw new IllegalStateException("not a hash-set job: " + id);
        };
    ledger.noteRerun(old, started.id());
    return Optional.of(started);
  }

  private static boolean isHashSetJob(JobRecord job) {
    return job.kind() == JobKind.HASHSET_IMPORT
        || job.kind() == JobKind.HASHSET_REMOVE
        || job.kind() == JobKind.HASHSET_CATEGORY_MAP;
  }

  /**
   * The agency a category-map job started at start-up is recorded under: the work is national
   * (every agency's tips), so every administrator may read it ({@link #find}).
   */
  public static final AgencyId NATIONAL = new AgencyId("tiptrace.national");

  /** The actor of the audit entry a category-map job writes. */
  static final String CATEGORY_MAP_ACTOR = "tiptrace:category-map";

  /** Sets imported under another VICS category map version than the bundled one (decision 0020). */
  public List<org.tiptrace.hash.sets.StoredHashSet> staleCategoryMap() {
    return TipMatching.staleCategoryMap(backend.hashSets(), VicsCategoryMap.bundled());
  }

  /**
   * Queues the re-derivation of a changed VICS category map: the tips holding a match in a set
   * imported under another map version are matched again with the bundled map, the changed ones
   * marked and re-triaged, the map recorded on the sets; audited as {@link
   * AuditAction#HASH_SET_CATEGORY_MAP_APPLIED}.
   *
   * @param trigger why ("start-up", "administrator", ...), kept with the job
   */
  public View startCategoryMap(AgencyId agency, String trigger) {
    return startCategoryMap(agency, trigger, Map.of());
  }

  private View startCategoryMap(AgencyId agency, String trigger, Map<String, String> extra) {
    VicsCategoryMap map = VicsCategoryMap.bundled();
    Map<String, String> p = new LinkedHashMap<>(extra);
    p.put(NAME, "VICS category map " + map.label());
    p.put("trigger", trigger);
    return start(
        agency,
        JobKind.HASHSET_CATEGORY_MAP,
        p,
        job -> {
          job.phase(Phase.REMATCHING.name());
          String reason = "VICS category map changed to " + map.label();
          TipMatching.CategoryMapRefresh r =
              new TipMatching(backend.hashSets(), backend.tips(), clock)
                  .applyCategoryMap(map, reason, job::progress);
          job.progress(r.tips(), r.tips());
          job.count(CHANGED, r.changed());
          String sets =
              r.sets().entrySet().stream()
                  .map(e -> e.getKey() + " (was " + e.getValue() + ")")
                  .collect(java.util.stream.Collectors.joining(", "));
          String outcome =
              r.sets().isEmpty()
                  ? "every VICS set already reads its categories with " + map.label()
                  : "applied "
                      + map.label()
                      + " to "
                      + sets
                      + ": "
                      + r.rematched()
                      + " of "
                      + r.tips()
                      + " tips held a match in them and were re-matched, "
                      + r.changed()
                      + " changed";
          job.outcome(outcome);
          if (!r.sets().isEmpty()) {
            backend
                .auditLog()
                .append(
                    new AuditEvent(
                        CATEGORY_MAP_ACTOR,
                        Optional.of(agency),
                        AuditAction.HASH_SET_CATEGORY_MAP_APPLIED,
                        AuditSubjectType.HASH_SET,
                        map.label(),
                        "job " + job.record().id() + " (" + trigger + "): " + outcome));
          }
          job.phase(Phase.RETRIAGING.name());
          job.count(RETRIAGED, new Retriage(backend.hashSets(), linkTriage).consumeAll().tips());
        });
  }

  /** The upload of an import job, its bytes read back from the archive into a temporary file. */
  private Upload upload(AgencyId agency, JobRecord job) {
    Sha256 sha = new Sha256(need(job, "sha256"));
    byte[] bytes =
        backend
            .archive()
            .bytes(agency, sha)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the upload of job " + job.id() + " is no longer in the archive"));
    HashSetInfo info =
        new HashSetInfo(
            need(job, NAME),
            need(job, "version"),
            job.parameter("source"),
            job.parameter("licence"),
            need(job, "categoryScheme"),
            HashSetKind.valueOf(need(job, "kind").toUpperCase(Locale.ROOT)),
            Boolean.parseBoolean(need(job, "enabled")));
    Spooled spooled;
    try {
      spooled = spool(new ByteArrayInputStream(bytes), need(job, "fileName"), Long.MAX_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the upload of job " + job.id(), e);
    }
    if (!spooled.sha256().equals(sha)) {
      try {
        deleteTree(spooled.file().getParent());
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot delete " + spooled.file(), e);
      }
      throw new IllegalStateException(
          "the archived upload of job " + job.id() + " does not have SHA-256 " + sha.hex());
    }
    return new Upload(
        info,
        HashSetFormat.valueOf(need(job, "format")),
        need(job, "fileName"),
        spooled.file(),
        sha);
  }

  private static String need(JobRecord job, String name) {
    return job.parameter(name)
        .orElseThrow(
            () -> new IllegalStateException("job " + job.id() + " has no parameter " + name));
  }

  private void rematch(TrackedJob job, String reason) {
    job.phase(Phase.REMATCHING.name());
    TipMatching.Rematch r = matching.get().rematchAll(reason, job::progress);
    job.progress(r.tips(), r.tips());
    job.count(CHANGED, r.changed());
    job.phase(Phase.RETRIAGING.name());
    job.count(RETRIAGED, new Retriage(backend.hashSets(), linkTriage).consumeAll().tips());
  }

  private View start(AgencyId agency, JobKind kind, Map<String, String> parameters, Work work) {
    TrackedJob job = ledger.create(kind, agency, parameters);
    worker.execute(() -> run(job, work));
    return View.of(job.record());
  }

  private void run(TrackedJob job, Work work) {
    try {
      job.start(Phase.QUEUED.name());
      work.run(job);
      job.done(Phase.FINISHED.name());
    } catch (JobFailure e) {
      job.failed(Phase.FINISHED.name(), e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "hash-set job " + job.id() + " failed", e);
      job.failed(
          Phase.FINISHED.name(),
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /**
   * The agency's hash-set job, or a national category-map job (started at start-up); empty for an
   * unknown id, an IP job or another agency's job.
   */
  public Optional<View> find(AgencyId agency, String id) {
    return record(agency, id).map(View::of);
  }

  private Optional<JobRecord> record(AgencyId agency, String id) {
    return ledger
        .find(agency, id)
        .or(() -> ledger.find(NATIONAL, id).filter(j -> j.kind() == JobKind.HASHSET_CATEGORY_MAP))
        .filter(HashSetJobs::isHashSetJob);
  }

  /** The latest national category-map job (started at start-up), if any is kept. */
  public Optional<View> latestNationalCategoryMapJob() {
    return ledger.recent(NATIONAL, 20).stream()
        .filter(j -> j.kind() == JobKind.HASHSET_CATEGORY_MAP)
        .findFirst()
        .map(View::of);
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
