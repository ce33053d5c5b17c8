package org.tiptrace.app.hashsets;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code tiptrace.hashsets.*}: the largest hash-set file the web upload accepts ({@code
 * max-upload-size}, default {@value #DEFAULT_MAX_UPLOAD}). The servlet container's multipart limit
 * ({@code spring.servlet.multipart.max-file-size}) applies first: raise both to upload larger sets.
 * The bytes are spooled to a temporary file and imported from there; the raw archive still takes a
 * file whole, so national sets (gigabytes) are imported with {@code tiptrace hashsets import}.
 */
@ConfigurationProperties("tiptrace.hashsets")
public record HashSetProperties(@Nullable DataSize maxUploadSize) {
  static final String DEFAULT_MAX_UPLOAD = "32MB";
  static final String PROPERTY = "tiptrace.hashsets.max-upload-size";

  public HashSetProperties {
    if (maxUploadSize != null && maxUploadSize.toBytes() <= 0) {
      throw new IllegalArgumentException(
          PROPERTY + " must be more than 0 bytes, was " + maxUploadSize);
    }
  }

  /** The limit in bytes. */
  public long maxUploadBytes() {
    return (maxUploadSize == null ? DataSize.parse(DEFAULT_MAX_UPLOAD) : maxUploadSize).toBytes();
  }
}
