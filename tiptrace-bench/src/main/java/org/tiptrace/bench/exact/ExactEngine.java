package org.tiptrace.bench.exact;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.tiptrace.hash.exact.DigestIndex;

/** Exact digest lookup implementations compared side by side in {@link DigestIndexBenchmark}. */
public enum ExactEngine {
  /** {@link DigestIndex}: sorted prefixes, payloads and a radix directory. */
  DIGEST_INDEX {
    @Override
    Lookup build(int digestLength, byte[][] digests, int[] payloads) {
      DigestIndex.Builder b = DigestIndex.builder(digestLength, digests.length);
      for (int i = 0; i < digests.length; i++) {
        b.add(digests[i], payloads[i]);
      }
      DigestIndex index = b.build();
      return new Lookup() {
        @Override
        public int[] find(byte[] digest) {
          return index.find(digest);
        }

        @Override
        public boolean contains(byte[] digest) {
          return index.contains(digest);
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
    Lookup build(int digestLength, byte[][] digests, int[] payloads) {
      Map<ByteBuffer, int[]> map = new HashMap<>(digests.length * 4 / 3 + 1);
      for (int i = 0; i < digests.length; i++) {
        int payload = payloads[i];
        map.merge(
            ByteBuffer.wrap(digests[i].clone()),
            new int[] {payload},
            (a, b) -> {
              int[] c = Arrays.copyOf(a, a.length + 1);
              c[a.length] = b[0];
              Arrays.sort(c);
              return c;
            });
      }
      int[] none = new int[0];
      return new Lookup() {
        @Override
        public int[] find(byte[] digest) {
          return map.getOrDefault(ByteBuffer.wrap(digest), none);
        }

        @Override
        public boolean contains(byte[] digest) {
          return map.containsKey(ByteBuffer.wrap(digest));
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
    int[] find(byte[] digest);

    boolean contains(byte[] digest);

    /** Bytes held in primitive arrays by the engine's own accounting, or -1 if it has none. */
    long arrayBytes();
  }

  abstract Lookup build(int digestLength, byte[][] digests, int[] payloads);
}
