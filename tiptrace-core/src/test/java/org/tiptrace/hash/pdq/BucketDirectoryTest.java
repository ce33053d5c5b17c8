package org.tiptrace.hash.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketDirectoryTest {

  /**
   * bucketOf against a linear search over the starts, compact and wide, with runs of empty buckets
   * (several buckets starting at the same position) and groups that end exactly on a position.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 64, 128, 1024, 1 << 12})
  void bucketOfIsTheLastBucketStartingAtOrBeforeThePosition(int buckets) {
    SplittableRandom rnd = new SplittableRandom(buckets);
    for (int maxRun : new int[] {3, 40, 200_000}) {
      int tables = 3;
      int stride = buckets + 1;
      int[] starts = new int[tables * stride];
      for (int t = 0; t < tables; t++) {
        for (int k = 1; k < stride; k++) {
          int run = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(maxRun);
          starts[t * stride + k] = starts[t * stride + k - 1] + run;
        }
      }
      BucketDirectory dir = new BucketDirectory(starts.clone(), tables, buckets);
      if (maxRun == 3) {
        assertThat(dir.isWide()).isFalse();
      } else if (maxRun == 200_000 && buckets >= 64) {
        assertThat(dir.isWide()).isTrue();
      }
      for (int t = 0; t < tables; t++) {
        int end = starts[t * stride + buckets];
        for (int pos = 0; pos < end; pos += 1 + rnd.nextInt(Math.max(1, end / 3000))) {
          int expected = 0;
          for (int k = 0; k < buckets; k++) {
            if (starts[t * stride + k] <= pos) {
              expected = k;
            }
          }
          assertThat(dir.bucketOf(t, pos)).as("table %d pos %d", t, pos).isEqualTo(expected);
        }
      }
    }
  }
}
