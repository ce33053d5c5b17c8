package org.tiptrace.hash.pdq;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An immutable 256-bit PDQ hash.
 *
 * <p>Bit {@code k = 16·i + j} is DCT row {@code i}, column {@code j} (reference §1.7). The 256 bits
 * are kept as four longs, {@code w0} holding bits 0–63 and {@code w3} bits 192–255, so the 64-digit
 * hex form is simply the 256-bit number printed big-endian: the first 16 hex digits are {@code w3}.
 * The 16-bit "slot" {@code s} used by multi-index hashing is bits {@code 16s … 16s+15}, i.e. DCT
 * row {@code s}.
 */
public final class PdqHash implements Comparable<PdqHash> {

  /** Number of bits. */
  public static final int BITS = 256;

  /** Length of the hex form. */
  public static final int HEX_LENGTH = 64;

  private final long w0;
  private final long w1;
  private final long w2;
  private final long w3;

  private PdqHash(long w0, long w1, long w2, long w3) {
    this.w0 = w0;
    this.w1 = w1;
    this.w2 = w2;
    this.w3 = w3;
  }

  /** Builds a hash from its four words, {@code w0} = bits 0–63. */
  public static PdqHash ofWords(long w0, long w1, long w2, long w3) {
    return new PdqHash(w0, w1, w2, w3);
  }

  /** Builds a hash from 16 slot values (slot {@code s} = DCT row {@code s}, low 16 bits used). */
  static PdqHash ofSlots(int[] slots) {
    long[] w = new long[4];
    for (int s = 0; s < 16; s++) {
      w[s >>> 2] |= (slots[s] & 0xFFFFL) << ((s & 3) << 4);
    }
    return new PdqHash(w[0], w[1], w[2], w[3]);
  }

  /**
   * Parses the 64-digit hex form (either case, no prefix, no whitespace).
   *
   * @throws IllegalArgumentException naming the offending character or length
   */
  public static PdqHash parseHex(CharSequence hex) {
    if (hex.length() != HEX_LENGTH) {
      throw new IllegalArgumentException(
          "PDQ hash must be "
              + HEX_LENGTH
              + " hex digits, got "
              + hex.length()
              + ": '"
              + hex
              + "'");
    }
    long[] w = new long[4];
    for (int i = 0; i < HEX_LENGTH; i++) {
      int v = Character.digit(hex.charAt(i), 16);
      if (v < 0) {
        throw new IllegalArgumentException(
            "PDQ hash has a non-hex character '" + hex.charAt(i) + "' at position " + i);
      }
      int word = 3 - (i >>> 4);
      w[word] = (w[word] << 4) | v;
    }
    return new PdqHash(w[0], w[1], w[2], w[3]);
  }

  /** Word {@code i} (0–3) of the hash, {@code 0} = bits 0–63. */
  public long word(int i) {
    return switch (i) {
      case 0 -> w0;
      case 1 -> w1;
      case 2 -> w2;
      case 3 -> w3;
      default -> throw new IndexOutOfBoundsException("word index " + i);
    };
  }

  /** The 16-bit slot {@code s} (0–15), i.e. DCT row {@code s}. */
  public int slot(int s) {
    return (int) (word(s >>> 2) >>> ((s & 3) << 4)) & 0xFFFF;
  }

  /** Bit {@code k} (0–255). */
  public boolean bit(int k) {
    return ((word(k >>> 6) >>> (k & 63)) & 1L) != 0;
  }

  /** Number of set bits. */
  public int bitCount() {
    return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
  }

  /** Hamming distance: popcount of the XOR of the 256 bits. */
  public int distance(PdqHash o) {
    return Long.bitCount(w0 ^ o.w0)
        + Long.bitCount(w1 ^ o.w1)
        + Long.bitCount(w2 ^ o.w2)
        + Long.bitCount(w3 ^ o.w3);
  }

  /** The 64-digit lower-case hex form (reference §1.7). */
  public String toHex() {
    return String.format(Locale.ROOT, "%016x%016x%016x%016x", w3, w2, w1, w0);
  }

  @Override
  public String toString() {
    return toHex();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PdqHash h && h.w0 == w0 && h.w1 == w1 && h.w2 == w2 && h.w3 == w3;
  }

  @Override
  public int hashCode() {
    long h = w0 * 31 + w1;
    h = h * 31 + w2;
    h = h * 31 + w3;
    return Long.hashCode(h);
  }

  /** Orders as unsigned 256-bit numbers (the hex order). */
  @Override
  public int compareTo(PdqHash o) {
    int c = Long.compareUnsigned(w3, o.w3);
    if (c == 0) c = Long.compareUnsigned(w2, o.w2);
    if (c == 0) c = Long.compareUnsigned(w1, o.w1);
    if (c == 0) c = Long.compareUnsigned(w0, o.w0);
    return c;
  }
}
