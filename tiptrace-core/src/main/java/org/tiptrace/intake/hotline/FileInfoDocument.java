package org.tiptrace.intake.hotline;

import java.time.Instant;
import java.util.Objects;
import org.tiptrace.tip.Sha256;

/**
 * A {@code fileDetails} document accepted by {@code /fileinfo}, kept byte for byte until the report
 * is finished. A later fileinfo for the same file replaces it while the report is open.
 */
public record FileInfoDocument(
    long reportId, String fileId, byte[] xml, Sha256 sha256, Instant receivedAt) {
  public FileInfoDocument {
    Objects.requireNonNull(xml, "xml");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (!HotlineFile.isFileId(fileId)) {
      throw new IllegalArgumentException("fileId must be 32 lower-case hex digits: " + fileId);
    }
  }

  public static FileInfoDocument of(long reportId, String fileId, byte[] xml, Instant at) {
    return new FileInfoDocument(reportId, fileId, xml.clone(), Sha256.of(xml), at);
  }
}
