package org.tiptrace.hash.sets;

import java.util.HexFormat;

/**
 * A fingerprint of a set's content, the multiset of its (algorithm, digest) pairs, that does not
 * depend on their order: recorded with the set at import, from the entries as the reader produced
 * them, and computed again from the rows whenever the set's indexes are built from the database, so
 * that a cached index can be checked against the import it claims to be (decision 0019).
 *
 * <p>Approach: each pair is hashed to two 64-bit values (two seeds; the MurmurHash3 64-bit
 * finaliser [1] after each 8-byte word), and the fingerprint is their sums modulo 2^64. Sums are
 * order-free and count duplicates, so any order of the same entries gives the same value, and a
 * changed, missing or extra entry changes it unless 128 bits collide by chance. It guards against
 * stale or mixed-up files, not against someone who forges them (the cache directory is trusted like
 * the database).
 *
 * <p>[1] Austin Appleby, MurmurHash3, {@code fmix64}.
 */
public final class EntryFingerprint {
  /** The form's version, the prefix of {@link #value()}. */
  static final String PREFIX = "fp1-";

  private static final long SEED_A = 0x243F6A8885A308D3L;
  private static final long SEED_B = 0x13198A2E03707344L;

  private long sumA;
  private long sumB;
  private long count;

  /** Adds one entry. */
  public void add(DigestAlgorithm algorithm, byte[] digest) {
    sumA += hash(SEED_A, algorithm, digest);
    sumB += hash(SEED_B, algorithm, digest);
    count++;
  }

  /** Entries added so far. */
  public long count() {
    return count;
  }

  /** {@code fp1-} and 32 lower-case hex digits. */
  public String value() {
    HexFormat hex = HexFormat.of();
    return PREFIX + hex.toHexDigits(sumA) + hex.toHexDigits(sumB);
  }

  private static long hash(long seed, DigestAlgorithm algorithm, byte[] digest) {
    long h = fmix64(seed ^ (algorithm.ordinal() + 1L) ^ ((long) digest.length << 8));
    int i = 0;
    for (; i + 8 <= digest.length; i += 8) {
      long w = 0;
      for (int k = 0; k < 8; k++) {
        w = (w << 8) | (digest[i + k] & 0xffL);
      }
      h = fmix64(h ^ w);
    }
    if (i < digest.length) {
      long w = 0;
      for (; i < digest.length; i++) {
        w = (w << 8) | (digest[i] & 0xffL);
      }
      h = fmix64(h ^ w ^ 0x8000000000000000L);
    }
    return h;
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
