package org.tiptrace.intake.hotline;

import java.util.Objects;
import org.tiptrace.intake.IntakeLimits;

/**
 * Limits of the hotline API; each checks itself and names its property.
 *
 * @param documentLimits limits for {@code report} and {@code fileDetails} documents
 * @param maxUploadBytes largest file {@code /upload} accepts (hotline.max-upload-bytes)
 * @param maxFilesPerReport most files one report may hold (hotline.max-files-per-report)
 */
public record HotlineConfig(
    IntakeLimits documentLimits, long maxUploadBytes, int maxFilesPerReport) {

  public static final HotlineConfig DEFAULT =
      new HotlineConfig(IntakeLimits.DEFAULT, 512L * 1024 * 1024, 1000);

  public HotlineConfig {
    Objects.requireNonNull(documentLimits, "documentLimits");
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException(
          "hotline.max-upload-bytes must be positive, was " + maxUploadBytes);
    }
    if (maxFilesPerReport < 1) {
      throw new IllegalArgumentException(
          "hotline.max-files-per-report must be positive, was " + maxFilesPerReport);
    }
  }
}
