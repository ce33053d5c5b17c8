package org.tiptrace.app.evidence;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tiptrace.app.evidence.EvidenceViews.DecisionView;
import org.tiptrace.app.evidence.EvidenceViews.Refusal;
import org.tiptrace.evidence.ContentAccess;

/**
 * Turns the gate's answers into HTTP: bytes as an attachment that no cache keeps, EXIF as JSON, a
 * block as 403 with the decision, no bytes held as 404 with the decision.
 */
final class ContentResponses {
  private ContentResponses() {}

  static ResponseEntity<?> content(ContentAccess access, String tipId, HttpServletRequest request) {
    return switch (access) {
      case ContentAccess.Bytes b -> {
        MediaType type = sniff(b.bytes());
        yield ResponseEntity.ok()
            .cacheControl(CacheControl.noStore())
            .header(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                    .filename("tip-" + tipId + "-file-" + b.decision().file() + extension(type))
                    .build()
                    .toString())
            .contentType(type)
            .body(b.bytes());
      }
      case ContentAccess.Blocked bl ->
          refusal(HttpStatus.FORBIDDEN, "blocked by the file-viewing gate", bl, request);
      case ContentAccess.NoContent n ->
          refusal(HttpStatus.NOT_FOUND, "Tiptrace holds no bytes of this file", n, request);
      case ContentAccess.Exif e -> throw new IllegalStateException("content answered with EXIF");
    };
  }

  static ResponseEntity<?> exif(ContentAccess access, HttpServletRequest request) {
    return switch (access) {
      case ContentAccess.Exif e ->
          ResponseEntity.ok()
              .cacheControl(CacheControl.noStore())
              .contentType(MediaType.APPLICATION_JSON)
              .body(new ExifView(DecisionView.of(e.decision()), e.metadata()));
      case ContentAccess.Blocked bl ->
          refusal(HttpStatus.FORBIDDEN, "EXIF blocked by the file-viewing gate", bl, request);
      default -> throw new IllegalStateException("EXIF answered with " + access);
    };
  }

  record ExifView(DecisionView decision, java.util.List<org.tiptrace.tip.FileMetadata> metadata) {}

  private static ResponseEntity<?> refusal(
      HttpStatus status, String error, ContentAccess access, HttpServletRequest request) {
    return ResponseEntity.status(status)
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            new Refusal(
                status.value(),
                error,
                request.getRequestURI(),
                DecisionView.of(access.decision())));
  }

  /** The type by magic number, never by name: only the common image types, else opaque bytes. */
  static MediaType sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return MediaType.IMAGE_JPEG;
    }
    if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return MediaType.IMAGE_PNG;
    }
    if (b.length >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return MediaType.IMAGE_GIF;
    }
    if (b.length >= 12
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return MediaType.parseMediaType("image/webp");
    }
    return MediaType.APPLICATION_OCTET_STREAM;
  }

  private static String extension(MediaType type) {
    return switch (type.getSubtype()) {
      case "jpeg" -> ".jpg";
      case "png" -> ".png";
      case "gif" -> ".gif";
      case "webp" -> ".webp";
      default -> ".bin";
    };
  }
}
