package org.tiptrace.hash.sets;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One digest: its algorithm and bytes (of exactly the algorithm's length). Immutable. */
public final class Digest {
  private final DigestAlgorithm algorithm;
  private final byte[] bytes;

  private Digest(DigestAlgorithm algorithm, byte[] bytes) {
    this.algorithm = algorithm;
    this.bytes = bytes;
  }

  public static Digest of(DigestAlgorithm algorithm, byte[] bytes) {
    Objects.requireNonNull(algorithm, "algorithm");
    if (bytes.length != algorithm.byteLength()) {
      throw new IllegalArgumentException(
          algorithm
              + " digest must have "
              + algorithm.byteLength()
              + " bytes, had "
              + bytes.length);
    }
    return new Digest(algorithm, bytes.clone());
  }

  /**
   * Parses hex in either case.
   *
   * @throws IllegalArgumentException naming the expected length or the bad character
   */
  public static Digest parseHex(DigestAlgorithm algorithm, String hex) {
    String h = hex.strip();
    if (h.length() != algorithm.hexLength()) {
      throw new IllegalArgumentException(
          "not a "
              + algorithm
              + " digest: expected "
              + algorithm.hexLength()
              + " hex digits, found "
              + h.length());
    }
    for (int i = 0; i < h.length(); i++) {
      if (Character.digit(h.charAt(i), 16) < 0) {
        throw new IllegalArgumentException(
            "not a " + algorithm + " digest: '" + h.charAt(i) + "' at position " + (i + 1));
      }
    }
    return new Digest(algorithm, HexFormat.of().parseHex(h.toLowerCase(Locale.ROOT)));
  }

  public DigestAlgorithm algorithm() {
    return algorithm;
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Digest d && d.algorithm == algorithm && Arrays.equals(d.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex();
  }
}
