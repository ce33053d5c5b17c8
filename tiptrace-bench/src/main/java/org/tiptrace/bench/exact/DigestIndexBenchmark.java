package org.tiptrace.bench.exact;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact digest lookups per second, {@link ExactEngine}s side by side on the same seeded digests:
 * {@code hit} queries a stored digest (a fresh array, as a caller would pass), {@code miss} a
 * random one. At set-up each trial prints the engine's retained heap after a full GC, per entry,
 * which {@code docs/benchmarks-exact.md} extrapolates to 100M.
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

  @Param({"1000000", "10000000"})
  int n;

  /** 32 (SHA-256) is the case where the index keeps only a prefix; 16 is MD5. */
  @Param({"32"})
  int digestLength;

  @Param({"DIGEST_INDEX", "HASH_MAP"})
  ExactEngine engine;

  @Param({"42"})
  long seed;

  private ExactEngine.Lookup lookup;
  private byte[][] hits;
  private byte[][] misses;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[][] digests = new byte[n][digestLength];
    int[] payloads = new int[n];
    for (int i = 0; i < n; i++) {
      rnd.nextBytes(digests[i]);
      payloads[i] = i;
    }
    hits = new byte[QUERIES][];
    misses = new byte[QUERIES][digestLength];
    for (int i = 0; i < QUERIES; i++) {
      hits[i] = digests[rnd.nextInt(n)].clone();
      rnd.nextBytes(misses[i]);
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory, digests);
    long start = System.nanoTime();
    lookup = engine.build(digestLength, digests, payloads);
    long buildNanos = System.nanoTime() - start;
    long after = usedAfterGc(memory, digests); // the input stays reachable: only the engine counts
    System.out.printf(
        Locale.ROOT,
        "%n[exact] engine=%s n=%d digestLength=%d build=%.2f s retained=%d bytes (%.1f per entry)"
            + " arrays=%d bytes%n",
        engine,
        n,
        digestLength,
        buildNanos / 1e9,
        after - before,
        (after - before) / (double) n,
        lookup.arrayBytes());
  }

  /** Heap in use after a full GC, with {@code keep} still reachable during the measurement. */
  private static long usedAfterGc(MemoryMXBean memory, Object keep) {
    for (int i = 0; i < 3; i++) {
      memory.gc();
    }
    long used = memory.getHeapMemoryUsage().getUsed();
    if (keep != null && keep.hashCode() == 1) {
      used++; // keeps `keep` reachable until here
    }
    return used;
  }

  /** Per-thread cursor over the query sets. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Benchmark
  public int[] hit(Cursor cursor) {
    return lookup.find(hits[cursor.next++ & (QUERIES - 1)]);
  }

  @Benchmark
  public int[] miss(Cursor cursor) {
    return lookup.find(misses[cursor.next++ & (QUERIES - 1)]);
  }
}
