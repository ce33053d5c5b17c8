package org.tiptrace.intake.hotline;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tiptrace.tip.Sha256;

/**
 * One file uploaded to a hotline report. The bytes live in the raw archive under {@link #sha256()};
 * the digests are Tiptrace's own, computed from the bytes received.
 *
 * @param fileId the 32-hex id returned by {@code /upload}
 * @param fileName the multipart file name (path stripped), empty when none was sent
 * @param md5 lower-case hex; returned to the client as {@code hash}
 * @param sha1 lower-case hex
 */
public record HotlineFile(
    long reportId,
    String fileId,
    String fileName,
    long size,
    String md5,
    String sha1,
    Sha256 sha256,
    Instant uploadedAt) {
  private static final Pattern FILE_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

  public HotlineFile {
    if (!isFileId(fileId)) {
      throw new IllegalArgumentException("fileId must be 32 lower-case hex digits: " + fileId);
    }
    if (!MD5.matcher(md5).matches() || !SHA1.matcher(sha1).matches()) {
      throw new IllegalArgumentException("md5/sha1 must be lower-case hex of the right length");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, was " + size);
    }
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(uploadedAt, "uploadedAt");
  }

  public static boolean isFileId(String s) {
    return FILE_ID.matcher(s).matches();
  }
}
