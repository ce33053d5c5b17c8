package org.tiptrace.bench.pdq;

import java.util.List;
import org.tiptrace.hash.pdq.PdqHash;
import org.tiptrace.hash.pdq.PdqIndex;

/** The implementations compared in one run (style rule 21: peers in the same run). */
public enum PdqEngine {
  /** {@link PdqIndex} with the fast 16-slot-table layout ({@code PdqIndex.Layout.SLOT_TABLES}). */
  TIPTRACE_INDEX {
    @Override
    Searcher build(long[] codes) {
      return index(codes, PdqIndex.Layout.SLOT_TABLES);
    }
  },
  /** {@link PdqIndex} with the 8-pair-table layout ({@code PdqIndex.Layout.PAIR_TABLES}). */
  TIPTRACE_PAIR_INDEX {
    @Override
    Searcher build(long[] codes) {
      return index(codes, PdqIndex.Layout.PAIR_TABLES);
    }
  },
  /**
   * {@link PdqIndex} with the block-table layout ({@code PdqIndex.Layout.BLOCK_TABLES}, decision
   * 0017), the default.
   */
  TIPTRACE_BLOCK_INDEX {
    @Override
    Searcher build(long[] codes) {
      return index(codes, PdqIndex.Layout.BLOCK_TABLES);
    }
  },
  /** Plain Java linear scan over {@code long[4n]} with {@code Long.bitCount} (the baseline). */
  LINEAR_SCAN {
    @Override
    Searcher build(long[] codes) {
      long[] c = codes.clone();
      return new Searcher() {
        @Override
        public void search(PdqHash q, int d, PdqIndex.MatchConsumer sink) {
          long q0 = q.word(0);
          long q1 = q.word(1);
          long q2 = q.word(2);
          long q3 = q.word(3);
          for (int i = 0, k = 0; k < c.length; i++, k += 4) {
            int dist =
                Long.bitCount(c[k] ^ q0)
                    + Long.bitCount(c[k + 1] ^ q1)
                    + Long.bitCount(c[k + 2] ^ q2)
                    + Long.bitCount(c[k + 3] ^ q3);
            if (dist <= d) {
              sink.accept(i, dist);
            }
          }
        }

        @Override
        public long memoryBytes() {
          return 8L * c.length;
        }
      };
    }
  };

  abstract Searcher build(long[] codes);

  /** A {@link PdqIndex} over the rows of {@code codes}, ids = row numbers. */
  static Searcher index(long[] codes, PdqIndex.Layout layout) {
    int n = codes.length / 4;
    long[] ids = new long[n];
    List<PdqHash> hashes = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids[i] = i;
      hashes.add(
          PdqHash.ofWords(codes[4 * i], codes[4 * i + 1], codes[4 * i + 2], codes[4 * i + 3]));
    }
    PdqIndex index = PdqIndex.build(ids, hashes, layout);
    return new Searcher() {
      @Override
      public void search(PdqHash q, int d, PdqIndex.MatchConsumer sink) {
        index.search(q, d, sink);
      }

      @Override
      public long memoryBytes() {
        return index.memoryBytes();
      }
    };
  }

  /** A built engine; ids are row numbers. */
  interface Searcher {
    void search(PdqHash q, int d, PdqIndex.MatchConsumer sink);

    long memoryBytes();
  }
}
