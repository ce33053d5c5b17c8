package org.tiptrace.app.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.app.web.ApiEndpoint;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;

/**
 * {@code POST /api/v1/intake}: one document as the body (XML or JSON), or several as multipart
 * {@code files}. Received tips are read {@linkplain ParseMode#TOLERANT tolerantly}. The answer is
 * 200 with one result per document, rejected ones included; HTTP errors are for requests that could
 * not be read at all (too large, wrong media type).
 */
@RestController
@RequestMapping("/api/v1/intake")
class IntakeApiController implements ApiEndpoint {
  private final BatchIntake intake;
  private final CurrentAgency agency;
  private final IntakeLimits limits;
  private final AuditTrail audit;

  IntakeApiController(
      BatchIntake intake, CurrentAgency agency, IntakeLimits limits, AuditTrail audit) {
    this.intake = intake;
    this.agency = agency;
    this.limits = limits;
    this.audit = audit;
  }

  @PostMapping(
      consumes = {
        MediaType.APPLICATION_XML_VALUE,
        MediaType.TEXT_XML_VALUE,
        MediaType.APPLICATION_JSON_VALUE
      },
      produces = MediaType.APPLICATION_JSON_VALUE)
  IntakeReport body(
      InputStream body,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
      @RequestHeader(value = HttpHeaders.CONTENT_DISPOSITION, required = false)
          @Nullable String disposition)
      throws IOException {
    byte[] bytes = readBounded(body, limits.maxDocumentBytes());
    String fallback =
        MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
            ? "request-body.json"
            : "request-body.xml";
    String name = fallback;
    if (disposition != null) {
      try {
        name = UploadNames.clean(ContentDisposition.parse(disposition).getFilename(), fallback);
      } catch (IllegalArgumentException e) {
        // A malformed header only costs the document its name, not the request.
        name = fallback;
      }
    }
    return audited(
        intake.ingest(
            agency.require(),
            List.of(InputDocument.inMemory(name, bytes)),
            ParseMode.TOLERANT,
            (i, n, r) -> {}));
  }

  @PostMapping(
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  IntakeReport multipart(@RequestParam("files") List<MultipartFile> files) throws IOException {
    List<InputDocument> documents = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      MultipartFile file = files.get(i);
      String name = UploadNames.clean(file.getOriginalFilename(), "upload-" + (i + 1));
      if (file.getSize() > limits.maxDocumentBytes()) {
        documents.add(
            InputDocument.unreadable(
                name,
                "document is "
                    + file.getSize()
                    + " bytes; the limit is "
                    + limits.maxDocumentBytes()
                    + " bytes"));
      } else {
        documents.add(InputDocument.inMemory(name, file.getBytes()));
      }
    }
    return audited(intake.ingest(agency.require(), documents, ParseMode.TOLERANT, (i, n, r) -> {}));
  }

  /**
   * One DOCUMENT_INGESTED entry per document of the request, rejected ones included: subject is its
   * SHA-256 (empty when it could not be read), detail its name, outcome and tip.
   */
  private IntakeReport audited(IntakeReport report) {
    for (DocumentResult d : report.documents()) {
      audit.record(
          AuditAction.DOCUMENT_INGESTED,
          AuditSubjectType.DOCUMENT,
          d.sha256() == null ? "" : d.sha256(),
          "name="
              + d.name()
              + " outcome="
              + d.outcome()
              + (d.tipId() == null ? "" : " tip=" + d.tipId()));
    }
    return report;
  }

  /** Reads at most {@code limit} bytes; more is a {@link PayloadTooLargeException}. */
  static byte[] readBounded(InputStream in, long limit) throws IOException {
    int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
    byte[] bytes = in.readNBytes(cap);
    if (bytes.length == cap && in.read() != -1) {
      throw new PayloadTooLargeException(
          "request body is larger than the document limit of " + limit + " bytes");
    }
    return bytes;
  }
}
