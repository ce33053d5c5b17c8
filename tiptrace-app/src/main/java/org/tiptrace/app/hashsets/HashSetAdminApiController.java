package org.tiptrace.app.hashsets;

import java.io.IOException;
import java.net.URI;
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
import org.tiptrace.app.web.ApiEndpoint;

/**
 * Administration of the national hash sets: {@code POST /api/v1/hashsets} (multipart upload,
 * archived byte-for-byte before anything parses it, then imported by a background job), {@code
 * DELETE /api/v1/hashsets/{name}} (a removal job) and {@code GET /api/v1/hashsets/jobs/{id}} (a
 * job's progress, to the agency whose administrator started it; {@code POST …/rerun} runs a job
 * that a restart cut off again). Every action is audited.
 */
@RestController
class HashSetAdminApiController implements ApiEndpoint {
  private final HashSetAdmin admin;

  HashSetAdminApiController(HashSetAdmin admin) {
    this.admin = admin;
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
    return accepted(admin.startImport(file, format, name, version, kind, source, licence));
  }

  @DeleteMapping(value = "/api/v1/hashsets/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<HashSetJobs.View> remove(@PathVariable String name) {
    return accepted(admin.startRemove(name));
  }

  @GetMapping(value = "/api/v1/hashsets/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  HashSetJobs.View job(@PathVariable String id) {
    return admin.job(id);
  }

  /** Re-runs an INTERRUPTED job (cut off by a restart) as a new job; 409 for any other state. */
  @PostMapping(
      value = "/api/v1/hashsets/jobs/{id}/rerun",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<HashSetJobs.View> rerun(@PathVariable String id) {
    return accepted(admin.rerun(id));
  }

  private static ResponseEntity<HashSetJobs.View> accepted(HashSetJobs.View job) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/hashsets/jobs/" + job.id()))
        .body(job);
  }
}
