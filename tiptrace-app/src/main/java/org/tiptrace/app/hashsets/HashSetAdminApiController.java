package org.tiptrace.app.hashsets;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.web.ApiEndpoint;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;

/**
 * Administration of the national hash sets: {@code POST /api/v1/hashsets} (multipart upload,
 * archived byte-for-byte before anything parses it, then imported by a background job), {@code
 * DELETE /api/v1/hashsets/{name}} (a removal job) and {@code GET /api/v1/hashsets/jobs/{id}} (a
 * job's progress, to the agency whose administrator started it). Every action is audited.
 */
@RestController
class HashSetAdminApiController implements ApiEndpoint {
  private final HashSetJobs jobs;
  private final TiptraceBackend backend;
  private final CurrentAgency agency;
  private final AuditTrail audit;
  private final java.time.Clock clock;

  HashSetAdminApiController(
      HashSetJobs jobs,
      TiptraceBackend backend,
      CurrentAgency agency,
      AuditTrail audit,
      java.time.Clock clock) {
    this.jobs = jobs;
    this.backend = backend;
    this.agency = agency;
    this.audit = audit;
    this.clock = clock;
  }

  @PostMapping(
      value = "/api/v1/hashsets",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<HashSetJobs.View> upload(
      @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(defaultValue = "") String format,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String version,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(required = false) @Nullable String source,
      @RequestParam(required = false) @Nullable String licence)
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
    byte[] bytes = file.getBytes();
    Sha256 sha = Sha256.of(bytes);
    String fileName =
        Optional.ofNullable(file.getOriginalFilename()).filter(n -> !n.isBlank()).orElse("upload");
    // Archive first: the bytes are kept whatever the import makes of them.
    backend.archive().store(a, sha, "hashset:" + fileName, bytes, clock.instant());
    HashSetJobs.View job =
        jobs.startImport(a, new HashSetJobs.Upload(info, f, fileName, bytes, sha));
    audit.record(
        AuditAction.HASH_SET_IMPORT_STARTED,
        AuditSubjectType.HASH_SET,
        info.name(),
        "job " + job.id() + ", " + fileName + " sha256 " + sha.hex());
    return accepted(job);
  }

  @DeleteMapping(value = "/api/v1/hashsets/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<HashSetJobs.View> remove(@PathVariable String name) {
    if (backend.hashSets().find(name).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no hash set named '" + name + "'");
    }
    HashSetJobs.View job = jobs.startRemove(agency.require(), name);
    audit.record(
        AuditAction.HASH_SET_REMOVE_STARTED, AuditSubjectType.HASH_SET, name, "job " + job.id());
    return accepted(job);
  }

  @GetMapping(value = "/api/v1/hashsets/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  HashSetJobs.View job(@PathVariable String id) {
    HashSetJobs.View job =
        jobs.find(agency.require(), id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no job " + id));
    audit.record(AuditAction.HASH_SET_JOB_VIEWED, AuditSubjectType.JOB, id, job.state().name());
    return job;
  }

  private static ResponseEntity<HashSetJobs.View> accepted(HashSetJobs.View job) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/hashsets/jobs/" + job.id()))
        .body(job);
  }

  private static ResponseStatusException bad(String reason) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
  }
}
