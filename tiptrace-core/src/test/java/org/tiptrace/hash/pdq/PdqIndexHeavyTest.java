package org.tiptrace.hash.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The brute-force comparison of {@link PdqIndexTest} at 300,000 rows, built incrementally (many
 * merged segments) and in bulk. Run with {@code -Dsurefire.excludedGroups=none -Dgroups=heavy}.
 */
@Tag("heavy")
class PdqIndexHeavyTest {

  @ParameterizedTest(name = "clustered={0} layout={1}")
  @CsvSource({
    "false, SLOT_TABLES",
    "true, SLOT_TABLES",
    "false, PAIR_TABLES",
    "true, PAIR_TABLES",
    "false, BLOCK_TABLES",
    "true, BLOCK_TABLES"
  })
  void largeIndexesEqualBruteForce(boolean clustered, PdqIndex.Layout layout) {
    long seed = System.nanoTime();
    int n = 300_000;
    List<PdqHash> data = PdqIndexTest.data(seed, clustered, n);
    long[] ids = PdqIndexTest.ids(n, seed);
    PdqIndex bulk = PdqIndex.build(ids, data, layout);
    PdqIndex incremental = new PdqIndex(layout);
    for (int i = 0; i < n; i++) {
      incremental.add(ids[i], data.get(i));
    }
    for (PdqHash q : PdqIndexTest.queries(data, seed)) {
      for (int d : new int[] {0, 15, 31, 32, 47, 63}) {
        List<PdqMatch> expected = PdqIndexTest.bruteForce(data, ids, q, d);
        assertThat(bulk.query(q, d))
            .as("seed=%d %s d=%d bulk", seed, layout, d)
            .isEqualTo(expected);
        assertThat(incremental.query(q, d))
            .as("seed=%d %s d=%d incr", seed, layout, d)
            .isEqualTo(expected);
      }
    }
  }
}
