package org.tiptrace.app.evidence;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tiptrace.app.evidence.EvidenceViews.FilesView;
import org.tiptrace.app.evidence.EvidenceViews.WarrantInput;
import org.tiptrace.app.evidence.EvidenceViews.WarrantView;
import org.tiptrace.app.web.ApiEndpoint;

/**
 * The gate's API: {@code GET /api/v1/tips/{id}/files} (gate state per file), {@code POST
 * /api/v1/tips/{id}/warrants} (record a warrant), {@code GET …/files/{fileId}/content} and {@code
 * …/exif} (only when the gate allows; else 403 with the decision).
 */
@RestController
@RequestMapping("/api/v1/tips/{id}")
class EvidenceApiController implements ApiEndpoint {
  private final AgencyEvidence evidence;

  EvidenceApiController(AgencyEvidence evidence) {
    this.evidence = evidence;
  }

  @GetMapping(value = "/files", produces = MediaType.APPLICATION_JSON_VALUE)
  FilesView files(@PathVariable String id) {
    return evidence.files(id, "api");
  }

  @PostMapping(
      value = "/warrants",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<WarrantView> warrant(@PathVariable String id, @RequestBody WarrantInput input) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            WarrantView.of(
                evidence.recordWarrant(
                    id, input.number(), input.court(), input.issuedOn(), input.fileIds(), "api")));
  }

  @GetMapping("/files/{fileId}/content")
  ResponseEntity<?> content(
      @PathVariable String id, @PathVariable String fileId, HttpServletRequest request) {
    return ContentResponses.content(evidence.content(id, fileId, "api"), id, request);
  }

  @GetMapping(value = "/files/{fileId}/exif", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> exif(
      @PathVariable String id, @PathVariable String fileId, HttpServletRequest request) {
    return ContentResponses.exif(evidence.exif(id, fileId, "api"), request);
  }
}
