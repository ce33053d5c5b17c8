package org.tiptrace.app.hotline;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.intake.hotline.HotlineResponse;
import org.tiptrace.intake.hotline.HotlineResponse.ReportDoneResponse;
import org.tiptrace.intake.hotline.HotlineResponse.ReportResponse;
import org.tiptrace.intake.hotline.HotlineService;
import org.tiptrace.intake.hotline.HotlineXml;
import org.tiptrace.intake.hotline.Platform;
import org.tiptrace.intake.hotline.ResponseCode;

/**
 * {@code /ispws}: each endpoint is one call of {@link HotlineService}, answered as NCMEC's response
 * XML with HTTP 200 (the outcome is the {@code responseCode}, as clients expect), a {@code
 * Request-ID} header to quote in support requests, and one log line without any content.
 */
@RestController
@RequestMapping("/ispws")
class HotlineController {
  private static final System.Logger LOG = System.getLogger(HotlineController.class.getName());
  private static final MediaType XML = MediaType.parseMediaType(HotlineXml.CONTENT_TYPE);

  private final HotlineService hotline;
  private final ConfiguredPlatforms platforms;
  private final AuditTrail audit;

  HotlineController(HotlineService hotline, ConfiguredPlatforms platforms, AuditTrail audit) {
    this.hotline = hotline;
    this.platforms = platforms;
    this.audit = audit;
  }

  @GetMapping("/status")
  ResponseEntity<byte[]> status(Authentication auth, HttpServletResponse http) {
    Platform p = platform(auth);
    return answer("status", p, hotline.status(p), http);
  }

  @PostMapping("/submit")
  ResponseEntity<byte[]> submit(
      Authentication auth,
      @RequestBody(required = false) byte @Nullable [] body,
      HttpServletResponse http) {
    Platform p = platform(auth);
    return answer("submit", p, hotline.submit(p, body == null ? new byte[0] : body), http);
  }

  @PostMapping(value = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<byte[]> upload(
      Authentication auth,
      @RequestParam(name = "id", required = false) @Nullable String id,
      @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
      HttpServletResponse http)
      throws IOException {
    Platform p = platform(auth);
    if (file == null) {
      return answer(
          "upload",
          p,
          ReportResponse.error(
              ResponseCode.MALFORMED_FILE_SUBMITTAL, "the multipart field 'file' is missing"),
          http);
    }
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    return answer(
        "upload", p, hotline.upload(p, id == null ? "" : id, name, file.getBytes()), http);
  }

  @PostMapping("/fileinfo")
  ResponseEntity<byte[]> fileInfo(
      Authentication auth,
      @RequestBody(required = false) byte @Nullable [] body,
      HttpServletResponse http) {
    Platform p = platform(auth);
    return answer("fileinfo", p, hotline.fileInfo(p, body == null ? new byte[0] : body), http);
  }

  @PostMapping("/finish")
  ResponseEntity<byte[]> finish(
      Authentication auth,
      @RequestParam(name = "id", required = false) @Nullable String id,
      HttpServletResponse http) {
    Platform p = platform(auth);
    HotlineResponse done = hotline.finish(p, id == null ? "" : id);
    if (done instanceof ReportDoneResponse filed) {
      audit.record(
          p.username(),
          Optional.of(p.agency()),
          AuditAction.HOTLINE_REPORT_FILED,
          AuditSubjectType.HOTLINE_REPORT,
          Long.toString(filed.reportId()),
          "files=" + filed.fileIds().size());
    }
    return answer("finish", p, done, http);
  }

  @PostMapping("/retract")
  ResponseEntity<byte[]> retract(
      Authentication auth,
      @RequestParam(name = "id", required = false) @Nullable String id,
      HttpServletResponse http) {
    Platform p = platform(auth);
    return answer("retract", p, hotline.retract(p, id == null ? "" : id), http);
  }

  /** Anything else under {@code /ispws}: NCMEC's "resource not found" (1210). */
  @RequestMapping("/**")
  ResponseEntity<byte[]> unknown(Authentication auth, HttpServletResponse http) {
    return answer(
        "unknown", platform(auth), ReportResponse.error(ResponseCode.RESOURCE_NOT_FOUND, ""), http);
  }

  /** A failing store or a bug: code 1000 and HTTP 500, so clients retry with back-off. */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<byte[]> failure(RuntimeException e, HttpServletResponse http) {
    String requestId = requestId(http);
    LOG.log(System.Logger.Level.ERROR, "hotline request " + requestId + " failed", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .contentType(XML)
        .body(HotlineXml.toBytes(ReportResponse.error(ResponseCode.SERVER_ERROR, "")));
  }

  private Platform platform(Authentication auth) {
    // The security chain let only configured platforms through; a vanished account is an error.
    return platforms
        .find(auth.getName())
        .orElseThrow(() -> new IllegalStateException("authenticated platform is not configured"))
        .platform();
  }

  private static ResponseEntity<byte[]> answer(
      String endpoint, Platform platform, HotlineResponse response, HttpServletResponse http) {
    String requestId = requestId(http);
    LOG.log(
        System.Logger.Level.INFO,
        "hotline {0} {1} {2} -> {3}",
        requestId,
        platform,
        endpoint,
        response.code().code());
    return ResponseEntity.ok().contentType(XML).body(HotlineXml.toBytes(response));
  }

  private static String requestId(HttpServletResponse http) {
    String id = http.getHeader("Request-ID");
    if (id == null) {
      id = UUID.randomUUID().toString();
      http.setHeader("Request-ID", id);
    }
    return id;
  }
}
