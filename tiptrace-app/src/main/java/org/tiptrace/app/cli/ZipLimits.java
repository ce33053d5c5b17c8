package org.tiptrace.app.cli;

/**
 * Limits for zip files given to {@code ingest}, against zip bombs. Sizes are counted on the bytes
 * actually inflated, not on what the zip's directory claims.
 *
 * @param maxEntries most entries in one zip; more rejects the whole zip
 * @param maxEntryBytes largest inflated entry; a larger one is rejected unread
 * @param maxTotalBytes most bytes inflated from one zip; entries beyond it are rejected
 */
public record ZipLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
  public static final ZipLimits DEFAULT =
      new ZipLimits(10_000, 32L * 1024 * 1024, 1024L * 1024 * 1024);

  public ZipLimits {
    if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < maxEntryBytes) {
      throw new IllegalArgumentException(
          "zip limits must be positive and maxTotalBytes >= maxEntryBytes: "
              + maxEntries
              + ", "
              + maxEntryBytes
              + ", "
              + maxTotalBytes);
    }
  }
}
