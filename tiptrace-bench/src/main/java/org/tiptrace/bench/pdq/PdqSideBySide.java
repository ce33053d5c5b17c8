package org.tiptrace.bench.pdq;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.tiptrace.hash.pdq.PdqHash;

/**
 * The Java half of the FAISS comparison: builds each {@link PdqEngine} on a data file written by
 * {@link PdqBenchData}, times the query set at 1 and 2 threads, and writes every result as {@code
 * query row distance} lines (sorted) for {@code pdq_faiss_bench.py} to compare with FAISS's.
 *
 * <p>Run: {@code java -Xms4g -Xmx4g -cp tiptrace-bench/target/tiptrace-bench.jar
 * org.tiptrace.bench.pdq.PdqSideBySide DATA RADIUS THREADS OUTDIR [ENGINES]}, e.g. {@code
 * /tmp/pdq-1m.bin 31 1,2 /tmp/pdq-out TIPTRACE_INDEX,LINEAR_SCAN}. Each timed run passes over all
 * queries; runs repeat (at most 5, at most about 10 s) and the median is reported.
 */
public final class PdqSideBySide {

  private PdqSideBySide() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      throw new IllegalArgumentException("usage: DATA RADIUS THREADS OUTDIR [ENGINES]");
    }
    PdqBenchData.Data data = PdqBenchData.read(Path.of(args[0]));
    int radius = Integer.parseInt(args[1]);
    int[] threads = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
    Path outDir = Files.createDirectories(Path.of(args[3]));
    String engines = args.length > 4 ? args[4] : "TIPTRACE_INDEX,LINEAR_SCAN";
    PdqHash[] queries = new PdqHash[data.q()];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = data.query(i);
    }
    for (String name : engines.split(",")) {
      PdqEngine engine = PdqEngine.valueOf(name);
      long heapBefore = usedHeapAfterGc();
      long t0 = System.nanoTime();
      PdqEngine.Searcher s = engine.build(data.codes());
      double buildSeconds = (System.nanoTime() - t0) / 1e9;
      double heapPerHash = (double) (usedHeapAfterGc() - heapBefore) / data.n();
      Path results =
          outDir.resolve("java-" + name.toLowerCase(Locale.ROOT) + "-d" + radius + ".txt");
      long matches = writeResults(s, queries, radius, results);
      for (int t : threads) {
        double[] qps = medianQps(s, queries, radius, t);
        System.out.printf(
            Locale.ROOT,
            "engine=%s kind=%s n=%d queries=%d radius=%d threads=%d build_s=%.3f"
                + " bytes_per_hash=%.1f heap_bytes_per_hash=%.1f qps=%.1f cpu_qps=%.1f matches=%d results=%s%n",
            name,
            data.kind(),
            data.n(),
            data.q(),
            radius,
            t,
            buildSeconds,
            (double) s.memoryBytes() / data.n(),
            heapPerHash,
            qps[0],
            qps[1],
            matches,
            results);
      }
    }
  }

  /** Heap in use after a full collection (the build's garbage gone, the index kept). */
  private static long usedHeapAfterGc() {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      mem.gc();
    }
    return mem.getHeapMemoryUsage().getUsed();
  }

  private static long writeResults(PdqEngine.Searcher s, PdqHash[] queries, int radius, Path file)
      throws IOException {
    long total = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int qi = 0; qi < queries.length; qi++) {
        List<long[]> found = new ArrayList<>();
        s.search(queries[qi], radius, (id, d) -> found.add(new long[] {id, d}));
        found.sort((a, b) -> Long.compare(a[0], b[0]));
        for (long[] m : found) {
          w.write(qi + " " + m[0] + " " + m[1] + "\n");
        }
        total += found.size();
      }
    }
    return total;
  }

  /** Median wall-clock and CPU-time queries per second over the timed runs. */
  private static double[] medianQps(
      PdqEngine.Searcher s, PdqHash[] queries, int radius, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      runOnce(s, queries, radius, threads, pool); // warm-up
      List<Double> wall = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      long budgetEnd = System.nanoTime() + 10_000_000_000L;
      while (wall.size() < 5 && (wall.isEmpty() || System.nanoTime() < budgetEnd)) {
        long t0 = System.nanoTime();
        long cpuNanos = runOnce(s, queries, radius, threads, pool);
        wall.add(queries.length / ((System.nanoTime() - t0) / 1e9));
        cpu.add(queries.length / (cpuNanos / 1e9));
      }
      wall.sort(null);
      cpu.sort(null);
      return new double[] {wall.get(wall.size() / 2), cpu.get(cpu.size() / 2)};
    } finally {
      pool.shutdownNow();
    }
  }

  /** One pass over all queries split across threads; returns the CPU nanoseconds spent. */
  private static long runOnce(
      PdqEngine.Searcher s, PdqHash[] queries, int radius, int threads, ExecutorService pool)
      throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    LongAdder sink = new LongAdder();
    LongAdder cpuNanos = new LongAdder();
    List<Future<?>> parts = new ArrayList<>();
    int per = (queries.length + threads - 1) / threads;
    for (int t = 0; t < threads; t++) {
      int from = t * per;
      int to = Math.min(queries.length, from + per);
      parts.add(
          pool.submit(
              () -> {
                long c0 = mx.getCurrentThreadCpuTime();
                long[] local = new long[1];
                for (int i = from; i < to; i++) {
                  s.search(queries[i], radius, (id, d) -> local[0] += id + d);
                }
                sink.add(local[0]);
                cpuNanos.add(mx.getCurrentThreadCpuTime() - c0);
              }));
    }
    for (Future<?> f : parts) {
      f.get();
    }
    return cpuNanos.sum();
  }
}
