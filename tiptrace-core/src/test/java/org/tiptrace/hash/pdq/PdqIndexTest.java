package org.tiptrace.hash.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PdqIndexTest {

  private static final int N = 20_000;
  private static final int QUERIES = 100;

  static PdqHash random(SplittableRandom rnd) {
    return PdqHash.ofWords(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
  }

  static PdqHash flip(PdqHash h, int bits, SplittableRandom rnd) {
    long[] w = {h.word(0), h.word(1), h.word(2), h.word(3)};
    int flipped = 0;
    while (flipped < bits) {
      int b = rnd.nextInt(256);
      long m = 1L << b;
      if ((w[b >>> 6] & m) == (h.word(b >>> 6) & m)) {
        w[b >>> 6] ^= m;
        flipped++;
      }
    }
    return PdqHash.ofWords(w[0], w[1], w[2], w[3]);
  }

  /** Uniform codes, or clusters: seeds with 1–20 copies at 1–24 flips (reference §5). */
  static List<PdqHash> data(long seed, boolean clustered, int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<PdqHash> out = new ArrayList<>(n);
    while (out.size() < n) {
      PdqHash base = random(rnd);
      out.add(base);
      if (clustered) {
        int copies = 1 + rnd.nextInt(20);
        for (int c = 0; c < copies && out.size() < n; c++) {
          out.add(flip(base, 1 + rnd.nextInt(24), rnd));
        }
      }
    }
    return out;
  }

  /** Planted positives at 0–32 flips (31 and 32 always included) and random negatives. */
  static List<PdqHash> queries(List<PdqHash> data, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<PdqHash> out = new ArrayList<>();
    out.add(flip(data.get(rnd.nextInt(data.size())), 31, rnd));
    out.add(flip(data.get(rnd.nextInt(data.size())), 32, rnd));
    while (out.size() < QUERIES) {
      if (rnd.nextInt(4) == 0) {
        out.add(random(rnd));
      } else {
        out.add(flip(data.get(rnd.nextInt(data.size())), rnd.nextInt(33), rnd));
      }
    }
    return out;
  }

  static List<PdqMatch> bruteForce(List<PdqHash> data, long[] ids, PdqHash q, int d) {
    List<PdqMatch> out = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      int dist = data.get(i).distance(q);
      if (dist <= d) {
        out.add(new PdqMatch(ids[i], dist));
      }
    }
    out.sort(PdqMatch.ORDER);
    return out;
  }

  static long[] ids(int n, long seed) {
    long[] ids = new long[n];
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      ids[i] = (long) i * 7919 + rnd.nextInt(7919); // distinct, not equal to the row
    }
    return ids;
  }

  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    long[] seeds = {20261122L, System.nanoTime()};
    for (long seed : seeds) {
      for (boolean clustered : new boolean[] {false, true}) {
        for (PdqIndex.Layout layout : PdqIndex.Layout.values()) {
          out.add(Arguments.of(seed, clustered, layout));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "seed={0} clustered={1} layout={2}")
  @MethodSource("cases")
  void equalsBruteForceAtEveryRadiusAndStrategy(
      long seed, boolean clustered, PdqIndex.Layout layout) {
    List<PdqHash> data = data(seed, clustered, N);
    long[] ids = ids(N, seed);
    PdqIndex index = PdqIndex.build(ids, data, layout);
    List<PdqHash> queries = queries(data, seed);
    int total = 0;
    for (int d : new int[] {0, 15, 31, 32, 47, 63, 64, 100, 256}) {
      for (PdqIndex.Strategy s : PdqIndex.Strategy.values()) {
        if (s == PdqIndex.Strategy.MIH && d > 79) {
          continue; // 16 × |ball(5+)| probes: exact but needlessly slow in a unit test
        }
        for (int qi = 0; qi < queries.size(); qi++) {
          PdqHash q = queries.get(qi);
          List<PdqMatch> expected = bruteForce(data, ids, q, d);
          assertThat(index.query(q, d, s))
              .as(
                  "seed=%d clustered=%s layout=%s d=%d strategy=%s query #%d %s",
                  seed, clustered, layout, d, s, qi, q)
              .isEqualTo(expected);
          total += expected.size();
        }
      }
    }
    assertThat(total).as("seed=%d: the data must produce matches", seed).isGreaterThan(QUERIES);
  }

  @ParameterizedTest
  @EnumSource(PdqIndex.Layout.class)
  void incrementalAddAndRemoveAreVisibleAtOnceAndExact(PdqIndex.Layout layout) {
    long seed = 7L;
    SplittableRandom rnd = new SplittableRandom(seed);
    List<PdqHash> model = new ArrayList<>();
    List<Long> modelIds = new ArrayList<>();
    PdqIndex index = new PdqIndex(layout);
    List<PdqHash> base = data(seed, true, 3 * PdqIndex.TAIL_CAPACITY + 100);
    for (int i = 0; i < base.size(); i++) {
      index.add(i, base.get(i));
      model.add(base.get(i));
      modelIds.add((long) i);
      assertThat(index.query(base.get(i), 0)).contains(new PdqMatch(i, 0));
      if (i % 5 == 4) {
        long victim = modelIds.get(rnd.nextInt(modelIds.size()));
        int before = index.size();
        assertThat(index.remove(victim)).isEqualTo(1);
        assertThat(index.size()).isEqualTo(before - 1);
        int at = modelIds.indexOf(victim);
        PdqHash gone = model.remove(at);
        modelIds.remove(at);
        assertThat(index.query(gone, 0)).extracting(PdqMatch::id).doesNotContain(victim);
      }
    }
    assertThat(index.size()).isEqualTo(model.size());
    long[] ids = modelIds.stream().mapToLong(Long::longValue).toArray();
    for (PdqHash q : queries(model, seed)) {
      for (int d : new int[] {0, 31, 63}) {
        assertThat(index.query(q, d))
            .as("seed=%d layout=%s d=%d", seed, layout, d)
            .isEqualTo(bruteForce(model, ids, q, d));
      }
    }
    assertThat(index.remove(-1)).isZero();
  }

  @ParameterizedTest
  @EnumSource(PdqIndex.Layout.class)
  void removingMostRowsCompactsAndStaysExact(PdqIndex.Layout layout) {
    long seed = 21L;
    List<PdqHash> data = data(seed, true, 10_000);
    long[] ids = ids(data.size(), seed);
    PdqIndex index = PdqIndex.build(ids, data, layout);
    long before = index.memoryBytes();
    List<PdqHash> keptData = new ArrayList<>();
    List<Long> keptIds = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      if (i % 3 == 0) {
        keptData.add(data.get(i));
        keptIds.add(ids[i]);
      } else {
        assertThat(index.remove(ids[i])).isEqualTo(1);
      }
    }
    assertThat(index.memoryBytes()).isLessThan(before);
    long[] kept = keptIds.stream().mapToLong(Long::longValue).toArray();
    for (PdqHash q : queries(data, seed)) {
      assertThat(index.query(q, 31))
          .as("seed=%d", seed)
          .isEqualTo(bruteForce(keptData, kept, q, 31));
    }
    for (long id : kept) {
      index.remove(id);
    }
    assertThat(index.size()).isZero();
    assertThat(index.query(data.get(0), 256)).isEmpty();
  }

  @Test
  void duplicateIdsAreSeparateRowsAndRemovedTogether() {
    PdqIndex index = new PdqIndex();
    PdqHash h = random(new SplittableRandom(1));
    index.add(5, h);
    index.add(5, flip(h, 3, new SplittableRandom(2)));
    assertThat(index.query(h)).containsExactly(new PdqMatch(5, 0), new PdqMatch(5, 3));
    assertThat(index.remove(5)).isEqualTo(2);
    assertThat(index.query(h)).isEmpty();
  }

  @Test
  void queryAnyKeepsTheSmallestDistancePerId() {
    SplittableRandom rnd = new SplittableRandom(3);
    PdqHash a = random(rnd);
    PdqHash b = random(rnd);
    PdqIndex index = PdqIndex.build(new long[] {1, 2}, List.of(a, b));
    List<PdqMatch> m =
        index.queryAny(List.of(flip(a, 10, rnd), flip(b, 4, rnd), flip(a, 2, rnd)), 31);
    assertThat(m).containsExactly(new PdqMatch(1, 2), new PdqMatch(2, 4));
  }

  @Test
  void rejectsRadiusOutOfRange() {
    PdqIndex index = new PdqIndex();
    PdqHash q = PdqHash.ofWords(0, 0, 0, 0);
    assertThatThrownBy(() -> index.query(q, -1)).hasMessageContaining("0..256");
    assertThatThrownBy(() -> index.query(q, 257)).hasMessageContaining("0..256");
  }

  @Test
  void snapshotRoundTripKeepsLiveRowsOnly(@TempDir Path dir) throws Exception {
    List<PdqHash> data = data(11, true, 9000);
    long[] ids = ids(data.size(), 11);
    PdqIndex index = PdqIndex.build(ids, data);
    index.add(-42, data.get(0));
    index.remove(ids[17]);
    Path file = dir.resolve("pdq.idx");
    index.save(file);
    PdqIndex loaded = PdqIndex.load(file);
    assertThat(loaded.size()).isEqualTo(index.size()).isEqualTo(data.size());
    for (PdqHash q : queries(data, 11)) {
      assertThat(loaded.query(q, 47)).isEqualTo(index.query(q, 47));
    }
    assertThat(loaded.query(data.get(17), 0)).extracting(PdqMatch::id).doesNotContain(ids[17]);
    assertThat(loaded.layout()).isEqualTo(index.layout());
  }

  /** Version 3 keeps the layout and the segment boundaries; the tail is rebuilt as a tail. */
  @Test
  void version3SnapshotKeepsLayoutAndSegments(@TempDir Path dir) throws Exception {
    List<PdqHash> data = data(18, false, 3 * PdqIndex.TAIL_CAPACITY + 500);
    PdqIndex index = new PdqIndex(PdqIndex.Layout.PAIR_TABLES);
    for (int i = 0; i < data.size(); i++) {
      index.add(1000 + i, data.get(i));
    }
    index.remove(1003);
    Path file = dir.resolve("v3.idx");
    index.save(file);
    PdqIndex loaded = PdqIndex.load(file);
    assertThat(loaded.layout()).isEqualTo(PdqIndex.Layout.PAIR_TABLES);
    assertThat(loaded.size()).isEqualTo(index.size());
    assertThat(index.segmentLiveRows()).hasSizeGreaterThan(1);
    assertThat(loaded.segmentLiveRows()).isEqualTo(index.segmentLiveRows());
    for (PdqHash q : queries(data, 18)) {
      assertThat(loaded.query(q, 31)).isEqualTo(index.query(q, 31));
    }
  }

  /** A version-2 snapshot (columnar, no layout or segments) loads into the default layout. */
  @Test
  void version2SnapshotsAreConverted(@TempDir Path dir) throws Exception {
    List<PdqHash> data = data(19, true, 5000);
    long[] ids = ids(data.size(), 19);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    try (java.io.DataOutputStream out =
        new java.io.DataOutputStream(new java.util.zip.CheckedOutputStream(bytes, crc))) {
      out.write("TTPDQIDX".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.writeInt(2);
      out.writeLong(data.size());
      for (PdqHash h : data) {
        for (int w = 0; w < 4; w++) {
          out.writeLong(h.word(w));
        }
      }
      for (long id : ids) {
        out.writeLong(id);
      }
      out.flush();
      out.writeLong(crc.getValue());
    }
    PdqIndex loaded = PdqIndex.load(write(dir, "v2.idx", bytes.toByteArray()));
    assertThat(loaded.layout()).isEqualTo(PdqIndex.DEFAULT_LAYOUT);
    assertThat(loaded.size()).isEqualTo(data.size());
    for (PdqHash q : queries(data, 19)) {
      assertThat(loaded.query(q, 31)).isEqualTo(bruteForce(data, ids, q, 31));
    }
  }

  @Test
  void corruptSnapshotsFailWithAPlainReason(@TempDir Path dir) throws Exception {
    List<PdqHash> data = data(12, false, 100);
    Path file = dir.resolve("pdq.idx");
    PdqIndex.build(ids(100, 12), data).save(file);
    byte[] good = Files.readAllBytes(file);

    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x10;
    assertThatThrownBy(() -> PdqIndex.load(write(dir, "flip", flipped)))
        .isInstanceOf(PdqIndexFormatException.class)
        .hasMessageContaining("checksum mismatch");

    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
    assertThatThrownBy(() -> PdqIndex.load(write(dir, "trunc", truncated)))
        .isInstanceOf(PdqIndexFormatException.class)
        .hasMessageContaining("corrupt");

    byte[] magic = good.clone();
    magic[0] = 'X';
    assertThatThrownBy(() -> PdqIndex.load(write(dir, "magic", magic)))
        .isInstanceOf(PdqIndexFormatException.class)
        .hasMessageContaining("not a PDQ index snapshot");

    byte[] version = good.clone();
    version[11] = 9;
    assertThatThrownBy(() -> PdqIndex.load(write(dir, "version", version)))
        .isInstanceOf(PdqIndexFormatException.class)
        .hasMessageContaining("unsupported PDQ index snapshot version 9");

    assertThatThrownBy(() -> PdqIndex.load(write(dir, "short", new byte[5])))
        .isInstanceOf(PdqIndexFormatException.class)
        .hasMessageContaining("truncated");
  }

  private static Path write(Path dir, String name, byte[] bytes) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return f;
  }

  @Test
  void pairLayoutIsAtMostSixtyFourBytesPerRow() {
    List<PdqHash> data = data(13, false, N);
    PdqIndex index = PdqIndex.build(ids(N, 13), data, PdqIndex.Layout.PAIR_TABLES);
    // 32 code + 4 id + 2 partner + 7 packed tables + offsets on 11 key bits + deletion bits, plus
    // the empty tail's initial buffers; the filter takes what the 64-byte budget leaves.
    assertThat(MihSegment.keyBits(N)).isEqualTo(11);
    MihSegment segment = new MihSegment(codes(data), ids(N, 13), N);
    int width = 15 + 5 + segment.filterBits(); // row bits + low key bits + filter bits
    long expected = 38L * N + (7L * N * width + 7) / 8 + 8 + 8L * 2049 * 4 + 8L * ((N + 63) / 64);
    assertThat(segment.memoryBytes()).isEqualTo(expected);
    assertThat(segment.filterBits()).isEqualTo(5);
    assertThat((double) segment.memoryBytes() / N).isLessThanOrEqualTo(64);
    long tail = 8L * 4 * 64 + 8L * 64;
    assertThat(index.memoryBytes()).isEqualTo(expected + tail);
  }

  /**
   * The slot layout's accounting: code, 15 packed tables of 20-bit entries (15 row bits and 5 low
   * key bits at 2^11 buckets), a directory of int anchors and char offsets, ids, deletion bits.
   */
  @Test
  void slotLayoutAccountsEveryArray() {
    List<PdqHash> data = data(13, false, N);
    PdqIndex index = PdqIndex.build(ids(N, 13), data, PdqIndex.Layout.SLOT_TABLES);
    assertThat(index.layout()).isEqualTo(PdqIndex.Layout.SLOT_TABLES);
    assertThat(SlotSegment.keyBits(N)).isEqualTo(11);
    SlotSegment segment = new SlotSegment(codes(data), ids(N, 13), N);
    assertThat(segment.idBytes()).isEqualTo(4); // ids(...) span about 158 million
    long directory = 16L * 33 * 4 + 16L * 2049 * 2;
    long expected =
        32L * N + 4L * N + (15L * N * 20 + 7) / 8 + 8 + directory + 8L * ((N + 63) / 64);
    assertThat(segment.memoryBytes()).isEqualTo(expected);
    long tail = 8L * 4 * 64 + 8L * 64;
    assertThat(index.memoryBytes()).isEqualTo(expected + tail);
    // Dense ids (span < 2^16) take 2 bytes, ids spanning more than 2^32 take 8.
    long[] dense = new long[N];
    for (int i = 0; i < N; i++) {
      dense[i] = 1_000_000_000_000L + i;
    }
    SlotSegment denseSegment = new SlotSegment(codes(data), dense, N);
    assertThat(denseSegment.idBytes()).isEqualTo(2);
    assertThat(denseSegment.memoryBytes()).isEqualTo(expected - 2L * N);
    long[] wide = ids(N, 13);
    wide[3] = Long.MIN_VALUE;
    assertThat(new SlotSegment(codes(data), wide, N).idBytes()).isEqualTo(8);
    PdqIndex denseIndex = PdqIndex.build(dense, data);
    for (PdqHash q : queries(data, 13)) {
      assertThat(denseIndex.query(q, 31, PdqIndex.Strategy.MIH))
          .isEqualTo(bruteForce(data, dense, q, 31));
    }
  }

  /**
   * The block layout from 2^16 rows on keys table 0 on the full slot 0 and stores no slot 0 (a
   * row's slot 0 is its bucket): 131,072 rows, uniform and clustered, bulk and with removals, equal
   * brute force through every path (table 0, table 1 with the recovered slot 0, tables 2–15, the
   * scan, snapshots).
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void blockLayoutWithImplicitSlot0StaysExact(boolean clustered, @TempDir Path dir)
      throws Exception {
    int n = 1 << 17;
    long seed = 21;
    List<PdqHash> data = data(seed, clustered, n);
    long[] ids = ids(n, seed);
    BlockSegment segment = new BlockSegment(codes(data), ids, n);
    assertThat(segment.implicitSlot0()).isTrue();
    PdqIndex index = PdqIndex.build(ids, data, PdqIndex.Layout.BLOCK_TABLES);
    for (int i = 0; i < n; i += 97) {
      index.remove(ids[i]);
    }
    List<PdqHash> live = new ArrayList<>();
    List<Long> liveIds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i % 97 != 0) {
        live.add(data.get(i));
        liveIds.add(ids[i]);
      }
    }
    long[] kept = liveIds.stream().mapToLong(Long::longValue).toArray();
    Path file = dir.resolve("block.idx");
    index.save(file);
    assertThat(Files.readAllBytes(file)[11]).as("version 4").isEqualTo((byte) 4);
    PdqIndex loaded = PdqIndex.load(file);
    assertThat(loaded.layout()).isEqualTo(PdqIndex.Layout.BLOCK_TABLES);
    List<PdqHash> queries = queries(data, seed).subList(0, 30);
    for (PdqHash q : queries) {
      for (int d : new int[] {0, 15, 31, 32, 47, 63, 64}) {
        List<PdqMatch> expected = bruteForce(live, kept, q, d);
        for (PdqIndex.Strategy s : PdqIndex.Strategy.values()) {
          if (s == PdqIndex.Strategy.MIH && d > 63) {
            continue;
          }
          assertThat(index.query(q, d, s))
              .as("clustered=%s d=%d %s %s", clustered, d, s, q)
              .isEqualTo(expected);
        }
        assertThat(loaded.query(q, d)).as("loaded d=%d %s", d, q).isEqualTo(expected);
      }
    }
    // Every stored code and id reads back (slot 0 recovered from table 0's directory).
    Map<Long, PdqHash> byId = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byId.put(ids[i], data.get(i));
    }
    for (int row = 0; row < n; row += 13) {
      PdqHash h = byId.get(segment.id(row));
      for (int w = 0; w < 4; w++) {
        assertThat(segment.word(row, w)).isEqualTo(h.word(w));
      }
    }
  }

  /**
   * The block layout's accounting at a full segment of 2^20 rows with ids spanning 2^20: 30 bytes
   * of code (slot 0 implicit), at most 15 packed 15-bit block numbers, two directories, 20-bit ids,
   * deletion bits: under issue 3's 64 bytes.
   */
  @Test
  void blockLayoutIsUnderSixtyFourBytesPerRowAtAFullSegment() {
    int n = BlockSegment.MAX_ROWS;
    SplittableRandom rnd = new SplittableRandom(23);
    long[] codes = new long[4 * n];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = rnd.nextLong();
    }
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = 5_000_000_000L + (n - 1 - i);
    }
    BlockSegment segment = new BlockSegment(codes, ids, n);
    assertThat(segment.implicitSlot0()).isTrue();
    assertThat(segment.idBits()).isEqualTo(20);
    assertThat(segment.wideDirectory()).isFalse();
    long cols = 8L * (6 + n / 4 + 7 * (n / 2));
    long directories = (4L * 1025 + 2L * 65537) + 15 * (4L * 1025 + 2L * 65537);
    long idBytes = 20L * n / 8 + 8;
    long fixed = cols + directories + idBytes + 4L * 16 + 8 + n / 8;
    long entriesAtMost = (15L * n * 15 + 7) / 8;
    assertThat(segment.memoryBytes())
        .isLessThanOrEqualTo(fixed + entriesAtMost)
        .isGreaterThan(fixed + entriesAtMost * 99 / 100); // a key repeats in a block rarely
    assertThat((double) segment.memoryBytes() / n).isLessThan(63.0);
    for (int row = 0; row < n; row += 4099) {
      assertThat(segment.id(row)).isBetween(5_000_000_000L, 5_000_000_000L + n - 1);
    }
  }

  /**
   * A sink that searches the same index again on the same thread (the block layout reuses
   * per-thread work arrays) sees the same results, and the outer search is not disturbed.
   */
  @Test
  void blockSearchFromInsideASinkIsExact() {
    int n = 1 << 17; // large enough that the segment answers by MIH, not by its scan
    List<PdqHash> data = data(33, false, n);
    long[] ids = ids(n, 33);
    assertThat(BlockSegment.mihCheaper(n, 31)).isTrue();
    PdqIndex index = PdqIndex.build(ids, data, PdqIndex.Layout.BLOCK_TABLES);
    for (int i = 0; i < 40; i++) {
      PdqHash outer = data.get(i * 487);
      PdqHash inner = data.get(n - 1 - i * 211);
      List<PdqMatch> innerExpected = index.query(inner, 31);
      List<PdqMatch> outerSeen = new ArrayList<>();
      index.search(
          outer,
          31,
          (id, dist) -> {
            outerSeen.add(new PdqMatch(id, dist));
            assertThat(index.query(inner, 31)).isEqualTo(innerExpected);
          });
      outerSeen.sort(PdqMatch.ORDER);
      assertThat(outerSeen).isNotEmpty().isEqualTo(index.query(outer, 31));
    }
  }

  /** The SWAR lane test: exactly the zero 16-bit lanes, whatever the other lanes hold. */
  @Test
  void zeroLanesFindsExactlyTheZeroLanes() {
    long high = 0x8000_8000_8000_8000L;
    assertThat(BlockSegment.zeroLaneHighs(0L)).isEqualTo(high);
    assertThat(BlockSegment.zeroLaneHighs(-1L)).isZero();
    assertThat(BlockSegment.zeroLaneHighs(0x0001_0000_8000_0000L))
        .isEqualTo(0x0000_8000_0000_8000L);
    assertThat(BlockSegment.zeroLaneHighs(0x0000_FFFF_0000_0001L))
        .isEqualTo(0x8000_0000_8000_0000L);
    SplittableRandom rnd = new SplittableRandom(29);
    for (int i = 0; i < 10_000; i++) {
      long y = 0;
      long expected = 0;
      for (int lane = 0; lane < 4; lane++) {
        long v = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(1 << 16);
        y |= v << (16 * lane);
        expected |= v == 0 ? 1L << (16 * lane + 15) : 0;
      }
      assertThat(BlockSegment.zeroLaneHighs(y)).as("%x", y).isEqualTo(expected);
    }
  }

  /** A version-3 file naming the block layout is corrupt (that layout is written as version 4). */
  @Test
  void blockLayoutInAVersion3SnapshotIsRejected(@TempDir Path dir) throws Exception {
    List<PdqHash> data = data(24, false, 100);
    PdqIndex index = PdqIndex.build(ids(100, 24), data, PdqIndex.Layout.BLOCK_TABLES);
    Path file = dir.resolve("b.idx");
    index.save(file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[11] = 3;
    assertThatThrownBy(() -> PdqIndex.load(write(dir, "b3.idx", bytes)))
        .isInstanceOf(PdqIndexFormatException.class)
        .hasMessageContaining("unknown layout 2 for version 3");
  }

  /**
   * 100,000 rows, nine in ten within 5 bits of one code: a 64-bucket directory block then spans
   * more than 2^16 entries, so the segment falls back to int bucket starts, and stays exact.
   */
  @Test
  void slotLayoutWithOverfullDirectoryBlocksStaysExact() {
    int n = 100_000;
    SplittableRandom rnd = new SplittableRandom(17);
    PdqHash base = random(rnd);
    List<PdqHash> data = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      data.add(i % 10 == 0 ? random(rnd) : flip(base, rnd.nextInt(6), rnd));
    }
    long[] ids = ids(n, 17);
    SlotSegment segment = new SlotSegment(codes(data), ids, n);
    assertThat(segment.wideDirectory()).isTrue();
    PdqIndex index = PdqIndex.build(ids, data);
    List<PdqHash> queries = List.of(base, flip(base, 20, rnd), random(rnd), data.get(10));
    for (PdqHash q : queries) {
      for (int d : new int[] {0, 15, 31}) {
        assertThat(index.query(q, d, PdqIndex.Strategy.MIH))
            .as("d=%d %s", d, q)
            .isEqualTo(bruteForce(data, ids, q, d));
      }
    }
  }

  @Test
  void idsSpanningMoreThan32BitsStayWithinBudgetAndExact() {
    List<PdqHash> data = data(15, true, N);
    long[] ids = ids(N, 15);
    ids[7] = Long.MIN_VALUE;
    ids[8] = Long.MAX_VALUE;
    MihSegment segment = new MihSegment(codes(data), ids, N);
    assertThat((double) segment.memoryBytes() / N).isLessThanOrEqualTo(64);
    assertThat(segment.filterBits()).isEqualTo(1);
    PdqIndex index = PdqIndex.build(ids, data);
    for (PdqHash q : queries(data, 15)) {
      for (int d : new int[] {0, 31, 47}) {
        assertThat(index.query(q, d, PdqIndex.Strategy.MIH))
            .as("d=%d %s", d, q)
            .isEqualTo(bruteForce(data, ids, q, d));
      }
    }
    assertThat(index.query(data.get(8), 0)).contains(new PdqMatch(Long.MAX_VALUE, 0));
  }

  /** A version-1 snapshot (rows interleaved: id, then code) still loads, converted. */
  @Test
  void version1SnapshotsAreConverted(@TempDir Path dir) throws Exception {
    List<PdqHash> data = data(16, true, 5000);
    long[] ids = ids(data.size(), 16);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    try (java.io.DataOutputStream out =
        new java.io.DataOutputStream(new java.util.zip.CheckedOutputStream(bytes, crc))) {
      out.write("TTPDQIDX".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.writeInt(1);
      out.writeLong(data.size());
      for (int i = 0; i < data.size(); i++) {
        out.writeLong(ids[i]);
        for (int w = 0; w < 4; w++) {
          out.writeLong(data.get(i).word(w));
        }
      }
      out.flush();
      out.writeLong(crc.getValue());
    }
    PdqIndex loaded = PdqIndex.load(write(dir, "v1.idx", bytes.toByteArray()));
    assertThat(loaded.size()).isEqualTo(data.size());
    for (PdqHash q : queries(data, 16)) {
      assertThat(loaded.query(q, 31)).isEqualTo(bruteForce(data, ids, q, 31));
    }
  }

  static long[] codes(List<PdqHash> data) {
    long[] codes = new long[4 * data.size()];
    for (int i = 0; i < data.size(); i++) {
      for (int w = 0; w < 4; w++) {
        codes[4 * i + w] = data.get(i).word(w);
      }
    }
    return codes;
  }

  @Test
  void readersSeeConsistentResultsWhileAWriterAdds() throws Exception {
    List<PdqHash> data = data(14, false, 6000);
    PdqIndex index = new PdqIndex();
    PdqHash probe = data.get(0);
    index.add(0, probe);
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 1; i < data.size(); i++) {
                    index.add(i, data.get(i));
                  }
                });
    int seen = 0;
    while (writer.isAlive() || seen == 0) {
      List<PdqMatch> m = index.query(probe, 0);
      assertThat(m).contains(new PdqMatch(0, 0));
      seen++;
    }
    writer.join();
    assertThat(index.size()).isEqualTo(data.size());
  }
}
