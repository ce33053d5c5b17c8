package org.tiptrace.app.hashsets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.StoredHashSet;
import org.tiptrace.hash.sets.VicsCategoryMap;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;

/**
 * What the hash-set API and pages share: check an upload's fields (400 naming the field), archive
 * its bytes before anything parses them, start the job, audit it; the same for a removal.
 */
@Component
class HashSetAdmin {
  private final HashSetJobs jobs;
  private final TiptraceBackend backend;
  private final CurrentAgency agency;
  private final AuditTrail audit;
  private final Clock clock;
  private final long maxUploadBytes;

  HashSetAdmin(
      HashSetJobs jobs,
      TiptraceBackend backend,
      CurrentAgency agency,
      AuditTrail audit,
      Clock clock,
      HashSetProperties properties) {
    this.jobs = jobs;
    this.backend = backend;
    this.agency = agency;
    this.audit = audit;
    this.clock = clock;
    this.maxUploadBytes = properties.maxUploadBytes();
  }

  HashSetJobs.View startImport(
      @Nullable MultipartFile file,
      String format,
      String name,
      String version,
      String kind,
      @Nullable String source,
      @Nullable String licence)
      throws IOException {
    if (file == null) {
      throw bad("the multipart field 'file' is missing");
    }
    HashSetFormat f =
        HashSetFormat.fromLabel(format)
            .filter(x -> x != HashSetFormat.NSRL)
            .orElseThrow(() -> bad("format must be vics, hashdeep or csv, was '" + format + "'"));
    HashSetKind k;
    try {
      k = HashSetKind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad("kind must be KNOWN_ABUSE, KNOWN_GOOD or OTHER, was '" + kind + "'");
    }
    HashSetInfo info;
    try {
      info =
          new HashSetInfo(
              name,
              version,
              Optional.ofNullable(source).filter(s -> !s.isBlank()),
              Optional.ofNullable(licence).filter(s -> !s.isBlank()),
              "unspecified",
              k,
              true);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    AgencyId a = agency.require();
    if (file.getSize() > maxUploadBytes) {
      throw tooLarge(file.getSize());
    }
    String fileName =
        Optional.ofNullable(file.getOriginalFilename()).filter(n -> !n.isBlank()).orElse("upload");
    // Spooled to a file of the job's own, hashed on the way; the job imports from the file and
    // deletes it, so no copy of the set stays on the heap while it runs.
    HashSetJobs.Spooled spooled;
    try (InputStream in = file.getInputStream()) {
      spooled = HashSetJobs.spool(in, fileName, maxUploadBytes);
    } catch (HashSetJobs.UploadTooLarge e) {
      throw tooLarge(e.bytes());
    }
    // Archive first: the bytes are kept whatever the import makes of them. The archive's API takes
    // a document whole, so this is the one moment the upload is in memory (decision 0019).
    backend
        .archive()
        .store(
            a,
            spooled.sha256(),
            "hashset:" + fileName,
            Files.readAllBytes(spooled.file()),
            clock.instant());
    Sha256 sha = spooled.sha256();
    HashSetJobs.View job =
        jobs.startImport(a, new HashSetJobs.Upload(info, f, fileName, spooled.file(), sha));
    audit.record(
        AuditAction.HASH_SET_IMPORT_STARTED,
        AuditSubjectType.HASH_SET,
        info.name(),
        "job " + job.id() + ", " + fileName + " sha256 " + sha.hex());
    return job;
  }

  HashSetJobs.View startRemove(String name) {
    if (backend.hashSets().find(name).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no hash set named '" + name + "'");
    }
    HashSetJobs.View job = jobs.startRemove(agency.require(), name);
    audit.record(
        AuditAction.HASH_SET_REMOVE_STARTED, AuditSubjectType.HASH_SET, name, "job " + job.id());
    return job;
  }

  /**
   * Starts re-deriving the stored matches of the sets imported under another VICS category map
   * version, audited; 409 when every set already reads with the current map.
   */
  HashSetJobs.View startCategoryMap() {
    List<StoredHashSet> stale = jobs.staleCategoryMap();
    if (stale.isEmpty()) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "every VICS set already reads its categories with " + VicsCategoryMap.bundled().label());
    }
    HashSetJobs.View job = jobs.startCategoryMap(agency.require(), "administrator");
    audit.record(
        AuditAction.HASH_SET_CATEGORY_MAP_STARTED,
        AuditSubjectType.HASH_SET,
        VicsCategoryMap.bundled().label(),
        "job "
            + job.id()
            + " for "
            + stale.stream().map(s -> s.info().name()).collect(Collectors.joining(", ")));
    return job;
  }

  /** Sets imported under another VICS category map version than the bundled one. */
  List<StoredHashSet> staleCategoryMap() {
    return jobs.staleCategoryMap();
  }

  /** The latest category-map job started at start-up, if one is kept. */
  java.util.Optional<HashSetJobs.View> latestNationalCategoryMapJob() {
    return jobs.latestNationalCategoryMapJob();
  }

  /** The agency's job, audited; 404 for an unknown id or another agency's job. */
  HashSetJobs.View job(String id) {
    HashSetJobs.View job =
        jobs.find(agency.require(), id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no job " + id));
    audit.record(AuditAction.HASH_SET_JOB_VIEWED, AuditSubjectType.JOB, id, job.state().name());
    return job;
  }

  /**
   * Re-runs the agency's INTERRUPTED hash-set job, audited; 404 for an unknown id or another
   * agency's job, 409 when the job is not INTERRUPTED.
   */
  HashSetJobs.View rerun(String id) {
    HashSetJobs.View job;
    try {
      job =
          jobs.rerun(agency.require(), id)
              .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no job " + id));
    } catch (IllegalStateException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
    }
    audit.record(
        AuditAction.JOB_RERUN_STARTED, AuditSubjectType.JOB, id, "re-run as job " + job.id());
    return job;
  }

  private ResponseStatusException tooLarge(long bytes) {
    return new ResponseStatusException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "the hash-set file has "
            + (bytes < 0 ? "more" : Long.toString(bytes))
            + " bytes, above "
            + HashSetProperties.PROPERTY
            + " ("
            + maxUploadBytes
            + " bytes); import larger sets with 'tiptrace hashsets import'");
  }

  private static ResponseStatusException bad(String reason) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
  }
}
