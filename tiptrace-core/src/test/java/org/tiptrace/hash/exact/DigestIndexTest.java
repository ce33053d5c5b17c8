package org.tiptrace.hash.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Property tests of {@link DigestIndex} against a HashMap oracle. */
class DigestIndexTest {

  /** Data shapes; each is generated from a seed printed on failure. */
  enum Shape {
    /** Uniform random digests. */
    UNIFORM,
    /** Many digests share their first 1–15 bytes, so buckets and prefix runs are crowded. */
    SHARED_PREFIXES,
    /** Digests repeated with other payloads and identical pairs repeated. */
    DUPLICATES,
    /** Bytes 0x00, 0x7F, 0x80 and 0xFF only: sign boundaries of the packed longs. */
    EXTREME_BYTES,
  }

  /** The oracle: the key is what the index compares (all of MD5, a 16-byte prefix otherwise). */
  private static ByteBuffer oracleKey(byte[] digest) {
    return ByteBuffer.wrap(Arrays.copyOf(digest, DigestIndex.COMPARED_BYTES));
  }

  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    long[] seeds = {20261123L, System.nanoTime()};
    for (long seed : seeds) {
      for (int len : new int[] {16, 20, 32}) {
        for (Shape shape : Shape.values()) {
          for (int n : new int[] {1, 17, 5_000, 60_000}) {
            out.add(Arguments.of(seed, len, shape, n));
          }
        }
      }
    }
    return out;
  }

  static byte[] digest(SplittableRandom rnd, int len, Shape shape, List<byte[]> previous) {
    byte[] d = new byte[len];
    switch (shape) {
      case UNIFORM -> rnd.nextBytes(d);
      case SHARED_PREFIXES -> {
        rnd.nextBytes(d);
        if (!previous.isEmpty() && rnd.nextInt(4) != 0) {
          byte[] base = previous.get(rnd.nextInt(previous.size()));
          // Copy 1–15 leading bytes, or everything but the last byte.
          int shared = rnd.nextInt(8) == 0 ? len - 1 : 1 + rnd.nextInt(15);
          System.arraycopy(base, 0, d, 0, shared);
        }
      }
      case DUPLICATES -> {
        if (!previous.isEmpty() && rnd.nextInt(3) != 0) {
          return previous.get(rnd.nextInt(previous.size())).clone();
        }
        rnd.nextBytes(d);
      }
      case EXTREME_BYTES -> {
        byte[] values = {0x00, 0x7F, (byte) 0x80, (byte) 0xFF};
        for (int i = 0; i < len; i++) {
          d[i] = values[rnd.nextInt(values.length)];
        }
      }
    }
    return d;
  }

  /** A query near a stored digest: equal, or one bit flipped somewhere. */
  static byte[] near(byte[] stored, SplittableRandom rnd) {
    byte[] q = stored.clone();
    if (rnd.nextBoolean()) {
      int bit = rnd.nextInt(q.length * 8);
      q[bit >>> 3] ^= (byte) (1 << (bit & 7));
    }
    return q;
  }

  @ParameterizedTest(name = "seed={0} length={1} shape={2} n={3}")
  @MethodSource("cases")
  void findAndContainsEqualTheOracle(long seed, int len, Shape shape, int n) {
    SplittableRandom rnd = new SplittableRandom(seed ^ len ^ ((long) shape.ordinal() << 40) ^ n);
    List<byte[]> digests = new ArrayList<>();
    Map<ByteBuffer, TreeSet<Integer>> oracle = new HashMap<>();
    DigestIndex.Builder builder = DigestIndex.builder(len);
    for (int i = 0; i < n; i++) {
      byte[] d = digest(rnd, len, shape, digests);
      // Payloads cover negatives and repeats: the same pair added twice must be kept once.
      int payload =
          shape == Shape.DUPLICATES && rnd.nextInt(3) == 0
              ? rnd.nextInt(4)
              : rnd.nextInt() >> rnd.nextInt(32);
      digests.add(d);
      builder.add(d, payload);
      oracle.computeIfAbsent(oracleKey(d), k -> new TreeSet<>()).add(payload);
    }
    DigestIndex index = builder.build();

    int pairs = oracle.values().stream().mapToInt(TreeSet::size).sum();
    String what = "seed=" + seed + " length=" + len + " shape=" + shape + " n=" + n;
    assertThat(index.size()).as(what).isEqualTo(pairs);
    assertThat(index.digestLength()).isEqualTo(len);
    assertThat(index.exact()).isEqualTo(len == 16);
    assertThat(index.comparedBytes()).isEqualTo(16);

    int hits = 0;
    for (int qi = 0; qi < 4_000; qi++) {
      byte[] q =
          rnd.nextInt(4) == 0
              ? digest(rnd, len, shape, digests)
              : near(digests.get(rnd.nextInt(digests.size())), rnd);
      TreeSet<Integer> expected = oracle.getOrDefault(oracleKey(q), new TreeSet<>());
      int[] found = index.find(q);
      int[] want = expected.stream().mapToInt(Integer::intValue).toArray();
      if (!Arrays.equals(found, want) || index.contains(q) == expected.isEmpty()) {
        // Build the message only on failure; AssertJ on every query makes the test slow.
        String query = what + " query " + HexFormat.of().formatHex(q);
        assertThat(found).as(query).containsExactly(want);
        assertThat(index.contains(q)).as(query).isEqualTo(!expected.isEmpty());
      }
      hits += expected.isEmpty() ? 0 : 1;
    }
    assertThat(hits).as("%s: queries must hit", what).isGreaterThan(500);
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 20, 32})
  void emptyIndexFindsNothing(int len) {
    DigestIndex index = DigestIndex.builder(len).build();
    byte[] q = new byte[len];
    assertThat(index.size()).isZero();
    assertThat(index.find(q)).isEmpty();
    assertThat(index.contains(q)).isFalse();
    q[0] = (byte) 0xFF;
    assertThat(index.find(q)).isEmpty();
    assertThat(index.memoryBytes()).isPositive();
  }

  @Test
  void payloadsOfOneDigestAreAscendingAndKeptOnce() {
    byte[] d = new byte[20];
    d[19] = 1;
    DigestIndex index =
        DigestIndex.builder(20)
            .add(d, 9)
            .add(d, -3)
            .add(d, 9)
            .add(d, Integer.MAX_VALUE)
            .add(d, Integer.MIN_VALUE)
            .build();
    assertThat(index.find(d)).containsExactly(Integer.MIN_VALUE, -3, 9, Integer.MAX_VALUE);
    assertThat(index.size()).isEqualTo(4);
  }

  @Test
  void md5IsExactAndALastByteDifferenceMisses() {
    byte[] d = new byte[16];
    Arrays.fill(d, (byte) 0xAB);
    DigestIndex index = DigestIndex.builder(16).add(d, 1).build();
    byte[] q = d.clone();
    q[15] ^= 1;
    assertThat(index.exact()).isTrue();
    assertThat(index.find(d)).containsExactly(1);
    assertThat(index.find(q)).isEmpty();
  }

  /** The documented limit: SHA-256 digests equal in 16 bytes are one candidate run, not exact. */
  @Test
  void sha256HitsBeyondTheComparedBytesAreReportedAsPrefixHits() {
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    b[31] = 1;
    DigestIndex index = DigestIndex.builder(32).add(a, 1).add(b, 2).build();
    assertThat(index.exact()).isFalse();
    assertThat(index.find(a)).containsExactly(1, 2);
    byte[] c = a.clone();
    c[15] = 1;
    assertThat(index.find(c)).isEmpty();
  }

  @Test
  void wrongLengthsAreRejectedWithTheLengths() {
    assertThatThrownBy(() -> DigestIndex.builder(24))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 24");
    DigestIndex.Builder builder = DigestIndex.builder(20);
    assertThatThrownBy(() -> builder.add(new byte[16], 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("20 bytes, had 16");
    DigestIndex index = builder.add(new byte[20], 1).build();
    assertThatThrownBy(() -> index.find(new byte[32]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("20 bytes, had 32");
    assertThatThrownBy(() -> index.contains(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.add(new byte[20], 2))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void memoryIsAboutTwentyBytesPerEntry() {
    SplittableRandom rnd = new SplittableRandom(5);
    int n = 100_000;
    DigestIndex.Builder builder = DigestIndex.builder(32, n);
    for (int i = 0; i < n; i++) {
      byte[] d = new byte[32];
      rnd.nextBytes(d);
      builder.add(d, i);
    }
    DigestIndex index = builder.build();
    // 20 bytes of prefix and payload per entry plus a directory of at most half a byte per entry.
    assertThat(index.memoryBytes()).isBetween(20L * n, 20L * n + n / 2 + 64);
  }

  @Test
  void directoryHasAboutEightToSixteenEntriesPerBucket() {
    assertThat(DigestIndex.directoryBits(0)).isEqualTo(1);
    assertThat(DigestIndex.directoryBits(1_000_000)).isEqualTo(16);
    assertThat(DigestIndex.directoryBits(100_000_000)).isEqualTo(23);
  }
}
