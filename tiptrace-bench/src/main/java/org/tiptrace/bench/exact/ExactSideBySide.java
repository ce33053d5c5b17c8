package org.tiptrace.bench.exact;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Exact lookups per second of each {@link ExactEngine} on the same seeded digests, by wall clock
 * and per CPU-second of the querying threads (the machine is shared, so CPU time is the steadier
 * figure), with build time and memory. Also checks that both engines give the same answers on every
 * query (payloads for hits, nothing for misses).
 *
 * <p>Run: {@code java -Xmx8g -cp tiptrace-bench/target/tiptrace-bench.jar
 * org.tiptrace.bench.exact.ExactSideBySide N[,N...] DIGEST_LENGTH THREADS[,THREADS...]
 * SECONDS_PER_RUN}, e.g. {@code 1000000,10000000 32 1,2 3}; see {@code docs/benchmarks-exact.md}.
 */
public final class ExactSideBySide {

  private static final int QUERIES = 1 << 16;

  private ExactSideBySide() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: N[,N...] DIGEST_LENGTH THREADS[,...] SECONDS");
    }
    int[] sizes = Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray();
    int digestLength = Integer.parseInt(args[1]);
    int[] threads = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
    double seconds = Double.parseDouble(args[3]);
    for (int n : sizes) {
      SplittableRandom rnd = new SplittableRandom(42);
      byte[][] digests = new byte[n][digestLength];
      int[] payloads = new int[n];
      for (int i = 0; i < n; i++) {
        rnd.nextBytes(digests[i]);
        payloads[i] = i;
      }
      byte[][] hits = new byte[QUERIES][];
      byte[][] misses = new byte[QUERIES][digestLength];
      for (int i = 0; i < QUERIES; i++) {
        hits[i] = digests[rnd.nextInt(n)].clone();
        rnd.nextBytes(misses[i]);
      }
      List<int[][]> answers = new ArrayList<>();
      for (ExactEngine engine : ExactEngine.values()) {
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        ExactEngine.Lookup lookup = engine.build(digestLength, digests, payloads);
        double build = (System.nanoTime() - t0) / 1e9;
        long retained = usedAfterGc() - before;
        int[][] got = new int[2 * QUERIES][];
        for (int i = 0; i < QUERIES; i++) {
          got[i] = lookup.find(hits[i]);
          got[QUERIES + i] = lookup.find(misses[i]);
        }
        answers.add(got);
        for (int t : threads) {
          for (String kind : new String[] {"hit", "miss"}) {
            double[] rate = rate(lookup, kind.equals("hit") ? hits : misses, t, seconds);
            System.out.printf(
                Locale.ROOT,
                "engine=%s n=%d digest_length=%d threads=%d queries=%s build_s=%.2f"
                    + " array_bytes_per_entry=%.2f heap_bytes_per_entry=%.1f"
                    + " lookups_per_s=%.0f lookups_per_cpu_s=%.0f%n",
                engine,
                n,
                digestLength,
                t,
                kind,
                build,
                lookup.arrayBytes() / (double) n,
                retained / (double) n,
                rate[0],
                rate[1]);
          }
        }
        lookup = null;
      }
      boolean same = true;
      for (int i = 0; i < 2 * QUERIES; i++) {
        same &= Arrays.equals(answers.get(0)[i], answers.get(1)[i]);
      }
      System.out.printf(Locale.ROOT, "n=%d identical_answers=%s%n", n, same);
      if (!same) {
        throw new IllegalStateException("engines disagree at n=" + n);
      }
    }
  }

  private static long usedAfterGc() {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      mem.gc();
    }
    return mem.getHeapMemoryUsage().getUsed();
  }

  /** Lookups per wall second and per CPU-second of the query threads; one warm-up pass first. */
  private static double[] rate(
      ExactEngine.Lookup lookup, byte[][] queries, int threads, double seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      run(lookup, queries, threads, pool, seconds / 3);
      long t0 = System.nanoTime();
      long[] r = run(lookup, queries, threads, pool, seconds);
      double wall = (System.nanoTime() - t0) / 1e9;
      return new double[] {r[0] / wall, r[0] / (r[1] / 1e9)};
    } finally {
      pool.shutdown();
    }
  }

  /** Returns {lookups, CPU nanoseconds} over all threads. */
  private static long[] run(
      ExactEngine.Lookup lookup,
      byte[][] queries,
      int threads,
      ExecutorService pool,
      double seconds)
      throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    List<Future<long[]>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * 977;
      futures.add(
          pool.submit(
              () -> {
                long cpu0 = mx.getCurrentThreadCpuTime();
                long count = 0;
                long sink = 0;
                int i = offset;
                while (System.nanoTime() < end) {
                  for (int k = 0; k < 4096; k++) {
                    sink += lookup.find(queries[i++ & (QUERIES - 1)]).length;
                  }
                  count += 4096;
                }
                return new long[] {count, mx.getCurrentThreadCpuTime() - cpu0, sink};
              }));
    }
    long count = 0;
    long cpu = 0;
    for (Future<long[]> f : futures) {
      long[] r = f.get();
      count += r[0];
      cpu += r[1];
    }
    return new long[] {count, cpu};
  }
}
