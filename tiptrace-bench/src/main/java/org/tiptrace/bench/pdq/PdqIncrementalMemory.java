package org.tiptrace.bench.pdq;

import java.nio.file.Path;
import java.util.Locale;
import org.tiptrace.hash.pdq.PdqHash;
import org.tiptrace.hash.pdq.PdqIndex;

/**
 * Bytes per hash of a {@link PdqIndex} built by {@code add}, one row at a time, as {@code
 * HashMatcher} builds it: the binary-counter merges leave segments of several sizes, whose block,
 * row and id widths differ from a bulk build's.
 *
 * <p>Run: {@code java -Xmx3g -cp tiptrace-bench/target/tiptrace-bench.jar
 * org.tiptrace.bench.pdq.PdqIncrementalMemory DATA [LAYOUTS]}, e.g. {@code /tmp/u1m.bin
 * BLOCK_TABLES,PAIR_TABLES,SLOT_TABLES}. Ids are 1,000,000 + row.
 */
public final class PdqIncrementalMemory {

  private PdqIncrementalMemory() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: DATA [LAYOUTS]");
    }
    PdqBenchData.Data data = PdqBenchData.read(Path.of(args[0]));
    String layouts = args.length > 1 ? args[1] : "BLOCK_TABLES,PAIR_TABLES,SLOT_TABLES";
    long[] c = data.codes();
    int n = data.n();
    for (String name : layouts.split(",")) {
      PdqIndex index = new PdqIndex(PdqIndex.Layout.valueOf(name));
      for (int i = 0; i < n; i++) {
        index.add(
            1_000_000L + i, PdqHash.ofWords(c[4 * i], c[4 * i + 1], c[4 * i + 2], c[4 * i + 3]));
      }
      System.out.printf(
          Locale.ROOT,
          "layout=%s kind=%s n=%d build=incremental bytes_per_hash=%.2f%n",
          name,
          data.kind(),
          n,
          (double) index.memoryBytes() / n);
    }
  }
}
