package org.tiptrace.bench.exact;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact digest lookups per second, {@link ExactEngine}s side by side on the same seeded digests:
 * {@code hit} queries a stored digest (a fresh array, as a caller would pass), {@code miss} a
 * random one, one digest per call; {@code hitBatch} and {@code missBatch} look up {@value #BATCH}
 * digests per call (scores are per digest). At set-up each trial prints the engine's retained heap
 * after a full GC, per entry. Add {@code -prof gc} to see the allocation per lookup.
 *
 * <p>Run: {@code java -jar tiptrace-bench/target/tiptrace-bench.jar DigestIndexBenchmark -t 1} (and
 * {@code -t 2}); see {@code docs/benchmarks-exact.md}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@State(Scope.Benchmark)
public class DigestIndexBenchmark {

  private static final int QUERIES = 1 << 14;
  private static final int BATCH = 1024;

  @Param({"1000000", "10000000"})
  int n;

  /** 32 (SHA-256) is the case where the index keeps only a prefix; 16 is MD5. */
  @Param({"32"})
  int digestLength;

  @Param({"DIGEST_INDEX", "SORTED_PREFIX", "HASH_MAP"})
  ExactEngine engine;

  @Param({"42"})
  long seed;

  private ExactEngine.Lookup lookup;
  private byte[][] hits;
  private byte[][] misses;
  private byte[][][] hitBatches;
  private byte[][][] missBatches;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(seed);
    hits = new byte[QUERIES][];
    misses = new byte[QUERIES][digestLength];
    for (int i = 0; i < QUERIES; i++) {
      hits[i] = ExactEngine.syntheticDigest(seed, rnd.nextInt(n), digestLength);
      rnd.nextBytes(misses[i]);
    }
    hitBatches = batches(hits);
    missBatches = batches(misses);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    long start = System.nanoTime();
    lookup = engine.build(digestLength, n, i -> ExactEngine.syntheticDigest(seed, i, digestLength));
    long buildNanos = System.nanoTime() - start;
    long after = usedAfterGc(memory);
    System.out.printf(
        Locale.ROOT,
        "%n[exact] engine=%s n=%d digestLength=%d build=%.2f s retained=%d bytes (%.1f per entry)"
            + " arrays=%d bytes load=%.1f%n",
        engine,
        n,
        digestLength,
        buildNanos / 1e9,
        after - before,
        (after - before) / (double) n,
        lookup.arrayBytes(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static byte[][][] batches(byte[][] queries) {
    byte[][][] out = new byte[QUERIES / BATCH][][];
    for (int c = 0; c < out.length; c++) {
      out[c] = Arrays.copyOfRange(queries, c * BATCH, (c + 1) * BATCH);
    }
    return out;
  }

  /** Heap in use after a full GC. */
  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      memory.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Per-thread cursor over the query sets and the batch output. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
    final int[] out = new int[BATCH];
  }

  @Benchmark
  public int hit(Cursor cursor) {
    return lookup.first(hits[cursor.next++ & (QUERIES - 1)]);
  }

  @Benchmark
  public int miss(Cursor cursor) {
    return lookup.first(misses[cursor.next++ & (QUERIES - 1)]);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int[] hitBatch(Cursor cursor) {
    lookup.firstAll(hitBatches[cursor.next++ & (hitBatches.length - 1)], cursor.out);
    return cursor.out;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int[] missBatch(Cursor cursor) {
    lookup.firstAll(missBatches[cursor.next++ & (missBatches.length - 1)], cursor.out);
    return cursor.out;
  }
}
