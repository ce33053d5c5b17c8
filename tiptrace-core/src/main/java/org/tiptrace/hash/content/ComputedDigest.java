package org.tiptrace.hash.content;

import java.util.Objects;
import org.tiptrace.tip.HashAlgorithm;

/**
 * An exact digest Tiptrace computed from a file's bytes.
 *
 * @param algorithm MD5, SHA1 or SHA256
 * @param value lower-case hex
 */
public record ComputedDigest(HashAlgorithm algorithm, String value) {
  public ComputedDigest {
    Objects.requireNonNull(algorithm, "algorithm");
    if (algorithm.hexLength() < 0 || algorithm == HashAlgorithm.PDQ) {
      throw new IllegalArgumentException("not an exact digest: " + algorithm);
    }
    if (!value.matches("[0-9a-f]+") || value.length() != algorithm.hexLength()) {
      throw new IllegalArgumentException(
          algorithm + " must be " + algorithm.hexLength() + " lower-case hex digits");
    }
  }
}
