package org.tiptrace.hash.content;

import java.util.List;
import java.util.Objects;
import org.tiptrace.tip.Sha256;

/**
 * What Tiptrace computed from the bytes of one reported file: never a hash reported by the
 * platform, which stays in the report.
 *
 * @param sha256 the SHA-256 of the bytes hashed (which bytes these hashes are of)
 * @param size the bytes' length
 * @param digests the exact digests of the kinds the report did not carry for this file
 * @param pdq the PDQ outcome
 */
public record ComputedHashes(
    Sha256 sha256, long size, List<ComputedDigest> digests, ComputedPdq pdq) {
  public ComputedHashes {
    Objects.requireNonNull(sha256, "sha256");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    digests = List.copyOf(digests);
    Objects.requireNonNull(pdq, "pdq");
  }
}
