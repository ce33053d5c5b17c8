package org.tiptrace.hash.sets;

import java.util.Optional;
import org.tiptrace.tip.HashAlgorithm;

/** The digests a hash set can hold; PDQ is matched by Hamming distance, the others exactly. */
public enum DigestAlgorithm {
  MD5(16),
  SHA1(20),
  SHA256(32),
  PDQ(32);

  private final int byteLength;

  DigestAlgorithm(int byteLength) {
    this.byteLength = byteLength;
  }

  public int byteLength() {
    return byteLength;
  }

  public int hexLength() {
    return byteLength * 2;
  }

  /** True for the cryptographic digests matched by equality. */
  public boolean exact() {
    return this != PDQ;
  }

  /** The digest kind of a reported file hash; empty for kinds no set can hold. */
  public static Optional<DigestAlgorithm> of(HashAlgorithm algorithm) {
    return switch (algorithm) {
      case MD5 -> Optional.of(MD5);
      case SHA1 -> Optional.of(SHA1);
      case SHA256 -> Optional.of(SHA256);
      case PDQ -> Optional.of(PDQ);
      case OTHER -> Optional.empty();
    };
  }
}
