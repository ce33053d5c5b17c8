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
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Exact lookups per second of each {@link ExactEngine} on the same seeded digests, one digest per
 * call ({@code single}) and in batches of {@value #BATCH} ({@code batch}), by wall clock and per
 * CPU-second of the querying threads (the machine is shared, so CPU time is the steadier figure),
 * with build time, memory and the system load average around each row. Also checks that all engines
 * and both modes give the same answer to every query.
 *
 * <p>Run: {@code java -Xmx8g -XX:+UseTransparentHugePages -cp
 * tiptrace-bench/target/tiptrace-bench.jar org.tiptrace.bench.exact.ExactSideBySide N[,N...]
 * DIGEST_LENGTH THREADS[,THREADS...] SECONDS_PER_RUN [ENGINE,...]}, e.g. {@code 1000000,10000000 32
 * 1,2 3}; see {@code docs/benchmarks-exact.md}. Digests are generated on demand ({@link
 * ExactEngine#syntheticDigest}), so 100M fit when only {@code DIGEST_INDEX} is named.
 */
public final class ExactSideBySide {

  private static final int QUERIES = 1 << 16;
  private static final int BATCH = 1024;
  private static final long SEED = 42;
  private static final int ROUNDS = 6;

  private ExactSideBySide() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4 && args.length != 5) {
      throw new IllegalArgumentException(
          "usage: N[,N...] DIGEST_LENGTH THREADS[,...] SECONDS [ENGINE,...]");
    }
    int[] sizes = Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray();
    int digestLength = Integer.parseInt(args[1]);
    int[] threads = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
    double seconds = Double.parseDouble(args[3]);
    List<ExactEngine> engines =
        args.length == 5
            ? Arrays.stream(args[4].split(",")).map(ExactEngine::valueOf).toList()
            : List.of(ExactEngine.values());
    System.out.printf(
        Locale.ROOT,
        "# java=%s cpus=%d max_heap=%d%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory());
    for (int n : sizes) {
      SplittableRandom rnd = new SplittableRandom(SEED);
      byte[][] hits = new byte[QUERIES][];
      byte[][] misses = new byte[QUERIES][digestLength];
      for (int i = 0; i < QUERIES; i++) {
        hits[i] = ExactEngine.syntheticDigest(SEED, rnd.nextInt(n), digestLength);
        rnd.nextBytes(misses[i]);
      }
      int[] reference = null;
      List<ExactEngine.Lookup> built = new ArrayList<>();
      for (ExactEngine engine : engines) {
        long before = usedAfterGc();
        double load0 = load();
        long t0 = System.nanoTime();
        ExactEngine.Lookup lookup =
            engine.build(digestLength, n, i -> ExactEngine.syntheticDigest(SEED, i, digestLength));
        double build = (System.nanoTime() - t0) / 1e9;
        long retained = usedAfterGc() - before;
        int[] got = answers(lookup, hits, misses);
        if (reference == null) {
          reference = got;
        } else if (!Arrays.equals(reference, got)) {
          throw new IllegalStateException(
              engine + " disagrees with " + engines.get(0) + " at n=" + n);
        }
        built.add(lookup);
        System.out.printf(
            Locale.ROOT,
            "engine=%s n=%d digest_length=%d build_s=%.2f load_during_build=%.1f-%.1f"
                + " array_bytes_per_entry=%.2f heap_bytes_per_entry=%.1f%n",
            engine,
            n,
            digestLength,
            build,
            load0,
            load(),
            lookup.arrayBytes() / (double) n,
            retained / (double) n);
      }
      System.out.printf(Locale.ROOT, "n=%d identical_answers=true engines=%s%n", n, engines);
      for (String mode : new String[] {"single", "batch"}) {
        for (int t : threads) {
          for (String kind : new String[] {"hit", "miss"}) {
            byte[][] queries = kind.equals("hit") ? hits : misses;
            boolean batch = mode.equals("batch");
            double loadBefore = load();
            // Engines take turns in short rounds, so a change in the machine's load hits all alike.
            List<List<double[]>> rounds = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(t);
            try {
              for (ExactEngine.Lookup lookup : built) {
                run(lookup, queries, batch, t, pool, 0.3);
                rounds.add(new ArrayList<>());
              }
              for (int r = 0; r < ROUNDS; r++) {
                for (int k = 0; k < built.size(); k++) {
                  int e = (k + r) % built.size();
                  long t0 = System.nanoTime();
                  long[] res = run(built.get(e), queries, batch, t, pool, seconds / ROUNDS);
                  double wall = (System.nanoTime() - t0) / 1e9;
                  rounds
                      .get(e)
                      .add(
                          new double[] {
                            res[0] / wall, res[0] / (res[1] / 1e9), res[2] / (double) res[0]
                          });
                }
              }
            } finally {
              pool.shutdown();
            }
            double loadAfter = load();
            for (int e = 0; e < built.size(); e++) {
              List<double[]> rs = rounds.get(e);
              System.out.printf(
                  Locale.ROOT,
                  "engine=%s n=%d mode=%s threads=%d queries=%s lookups_per_s=%.0f"
                      + " lookups_per_cpu_s=%.0f cpu_min=%.0f cpu_max=%.0f"
                      + " alloc_bytes_per_lookup=%.2f load=%.1f-%.1f%n",
                  engines.get(e),
                  n,
                  mode,
                  t,
                  kind,
                  median(rs, 0),
                  median(rs, 1),
                  rs.stream().mapToDouble(x -> x[1]).min().orElseThrow(),
                  rs.stream().mapToDouble(x -> x[1]).max().orElseThrow(),
                  rs.stream().mapToDouble(x -> x[2]).max().orElseThrow(),
                  loadBefore,
                  loadAfter);
            }
          }
        }
      }
      built.clear();
    }
  }

  private static double median(List<double[]> rows, int column) {
    double[] v = rows.stream().mapToDouble(x -> x[column]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** Single and batch answers to the hits then the misses; fails if the two modes differ. */
  private static int[] answers(ExactEngine.Lookup lookup, byte[][] hits, byte[][] misses) {
    int[] single = new int[2 * QUERIES];
    int[] batch = new int[2 * QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      single[i] = lookup.first(hits[i]);
      single[QUERIES + i] = lookup.first(misses[i]);
    }
    int[] out = new int[QUERIES];
    lookup.firstAll(hits, out);
    System.arraycopy(out, 0, batch, 0, QUERIES);
    lookup.firstAll(misses, out);
    System.arraycopy(out, 0, batch, QUERIES, QUERIES);
    if (!Arrays.equals(single, batch)) {
      throw new IllegalStateException("single and batch lookups disagree");
    }
    for (int i = 0; i < QUERIES; i++) {
      if (single[i] < 0 || single[QUERIES + i] >= 0) {
        throw new IllegalStateException("query " + i + ": a stored digest missed or a random hit");
      }
    }
    return single;
  }

  /**
   * Bytes the current thread has allocated, through the platform MBean server (the typed {@code
   * com.sun.management} interface is not portable and is banned by the build).
   */
  private static long allocatedBytes() {
    try {
      return (Long)
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME),
                  "getThreadAllocatedBytes",
                  new Object[] {Thread.currentThread().threadId()},
                  new String[] {"long"});
    } catch (JMException e) {
      throw new IllegalStateException("the JVM does not report allocated bytes per thread", e);
    }
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long usedAfterGc() {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      mem.gc();
    }
    return mem.getHeapMemoryUsage().getUsed();
  }

  /** Returns {lookups, CPU nanoseconds, bytes allocated} over all threads. */
  private static long[] run(
      ExactEngine.Lookup lookup,
      byte[][] queries,
      boolean batch,
      int threads,
      ExecutorService pool,
      double seconds)
      throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    // The queries cut into batches once, outside the timed loop.
    byte[][][] chunks = new byte[QUERIES / BATCH][][];
    for (int c = 0; c < chunks.length; c++) {
      chunks[c] = Arrays.copyOfRange(queries, c * BATCH, (c + 1) * BATCH);
    }
    List<Future<long[]>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * 977;
      futures.add(
          pool.submit(
              () -> {
                long cpu0 = mx.getCurrentThreadCpuTime();
                long alloc0 = allocatedBytes();
                long count = 0;
                long sink = 0;
                int i = offset;
                int[] out = new int[BATCH];
                while (System.nanoTime() < end) {
                  if (batch) {
                    for (int k = 0; k < 4; k++) {
                      lookup.firstAll(chunks[i++ & (chunks.length - 1)], out);
                      sink += out[k];
                    }
                  } else {
                    for (int k = 0; k < 4 * BATCH; k++) {
                      sink += lookup.first(queries[i++ & (QUERIES - 1)]);
                    }
                  }
                  count += 4 * BATCH;
                }
                long cpu = mx.getCurrentThreadCpuTime() - cpu0;
                long alloc = allocatedBytes() - alloc0;
                return new long[] {count, cpu, alloc, sink};
              }));
    }
    long count = 0;
    long cpu = 0;
    long alloc = 0;
    for (Future<long[]> f : futures) {
      long[] r = f.get();
      count += r[0];
      cpu += r[1];
      alloc += r[2];
    }
    return new long[] {count, cpu, alloc};
  }
}
