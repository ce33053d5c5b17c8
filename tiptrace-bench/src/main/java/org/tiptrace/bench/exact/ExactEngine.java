package org.tiptrace.bench.exact;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.tiptrace.hash.exact.DigestIndex;

/**
 * Exact digest lookup implementations compared side by side in {@link DigestIndexBenchmark} and
 * {@link ExactSideBySide}. Every engine answers the same two questions: the smallest payload stored
 * under a digest (or -1), one digest at a time and for a batch of digests.
 */
public enum ExactEngine {
  /** {@link DigestIndex}: 18-byte entries in pages, a fine radix directory, batch lookups. */
  DIGEST_INDEX {
    @Override
    Lookup build(int digestLength, int n, IntFunction<byte[]> digestOf) {
      DigestIndex.Builder b = DigestIndex.builder(digestLength, n);
      for (int i = 0; i < n; i++) {
        b.add(digestOf.apply(i), i);
      }
      DigestIndex index = b.build();
      return new Lookup() {
        @Override
        public int first(byte[] digest) {
          int e = index.lookup(digest);
          return e < 0 ? -1 : index.payload(e);
        }

        @Override
        public void firstAll(byte[][] digests, int[] out) {
          index.lookupAll(digests, out);
          for (int i = 0; i < digests.length; i++) {
            int e = out[i];
            out[i] = e < 0 ? -1 : index.payload(e);
          }
        }

        @Override
        public long arrayBytes() {
          return index.memoryBytes();
        }
      };
    }
  },
  /**
   * The decision-0018 experiment ({@link InterpolatedBlockIndex}): a cache-resident block table and
   * an interpolated position instead of the fine directory.
   */
  INTERPOLATED_BLOCK {
    @Override
    Lookup build(int digestLength, int n, IntFunction<byte[]> digestOf) {
      InterpolatedBlockIndex.Builder b = InterpolatedBlockIndex.builder(digestLength, n);
      for (int i = 0; i < n; i++) {
        b.add(digestOf.apply(i), i);
      }
      InterpolatedBlockIndex index = b.build();
      return new Lookup() {
        @Override
        public int first(byte[] digest) {
          int e = index.lookup(digest);
          return e < 0 ? -1 : index.payload(e);
        }

        @Override
        public void firstAll(byte[][] digests, int[] out) {
          index.lookupAll(digests, out);
          for (int i = 0; i < digests.length; i++) {
            int e = out[i];
            out[i] = e < 0 ? -1 : index.payload(e);
          }
        }

        @Override
        public long arrayBytes() {
          return index.memoryBytes();
        }
      };
    }
  },
  /** The previous design ({@link SortedPrefixIndex}), one lookup at a time. */
  SORTED_PREFIX {
    @Override
    Lookup build(int digestLength, int n, IntFunction<byte[]> digestOf) {
      SortedPrefixIndex.Builder b = SortedPrefixIndex.builder(digestLength, n);
      for (int i = 0; i < n; i++) {
        b.add(digestOf.apply(i), i);
      }
      SortedPrefixIndex index = b.build();
      return new Lookup() {
        @Override
        public int first(byte[] digest) {
          return index.firstPayload(digest);
        }

        @Override
        public void firstAll(byte[][] digests, int[] out) {
          for (int i = 0; i < digests.length; i++) {
            out[i] = index.firstPayload(digests[i]);
          }
        }

        @Override
        public long arrayBytes() {
          return index.memoryBytes();
        }
      };
    }
  },
  /** The obvious peer: {@code HashMap<ByteBuffer, int[]>} over full digests. */
  HASH_MAP {
    @Override
    Lookup build(int digestLength, int n, IntFunction<byte[]> digestOf) {
      Map<ByteBuffer, int[]> map = new HashMap<>(n * 4 / 3 + 1);
      for (int i = 0; i < n; i++) {
        map.merge(
            ByteBuffer.wrap(digestOf.apply(i)),
            new int[] {i},
            (a, b) -> {
              int[] c = Arrays.copyOf(a, a.length + 1);
              c[a.length] = b[0];
              Arrays.sort(c);
              return c;
            });
      }
      return new Lookup() {
        @Override
        public int first(byte[] digest) {
          int[] p = map.get(ByteBuffer.wrap(digest));
          return p == null ? -1 : p[0];
        }

        @Override
        public void firstAll(byte[][] digests, int[] out) {
          for (int i = 0; i < digests.length; i++) {
            out[i] = first(digests[i]);
          }
        }

        @Override
        public long arrayBytes() {
          return -1; // objects, not arrays: only the retained heap says
        }
      };
    }
  };

  /** One built engine. */
  public interface Lookup {
    /** The smallest payload stored under the digest, or -1. */
    int first(byte[] digest);

    /** {@code out[i] = first(digests[i])} for every i, as a batch where the engine has one. */
    void firstAll(byte[][] digests, int[] out);

    /** Bytes held in primitive arrays by the engine's own accounting, or -1 if it has none. */
    long arrayBytes();
  }

  /**
   * Builds the engine over digests {@code 0..n-1} of {@code digestOf}, payload = position; the
   * function returns a fresh array each call.
   */
  abstract Lookup build(int digestLength, int n, IntFunction<byte[]> digestOf);

  /**
   * Digest {@code i} of a seeded synthetic set: bytes of SplitMix64 over (seed, i), uniform as
   * cryptographic digests are, regenerated on demand so 100M digests need not be held.
   */
  static byte[] syntheticDigest(long seed, long i, int digestLength) {
    byte[] d = new byte[digestLength];
    // A random start per digest, then a SplitMix64 stream: digests do not share stream parts.
    long z = mix64(seed ^ mix64(i));
    for (int off = 0; off < digestLength; off += 4) {
      z += 0x9E3779B97F4A7C15L;
      long x = mix64(z);
      d[off] = (byte) x;
      d[off + 1] = (byte) (x >>> 8);
      d[off + 2] = (byte) (x >>> 16);
      d[off + 3] = (byte) (x >>> 24);
    }
    return d;
  }

  private static long mix64(long x) {
    x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
    x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
    return x ^ (x >>> 31);
  }
}
