package org.tiptrace.bench.pdq;

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
import org.openjdk.jmh.infra.Blackhole;
import org.tiptrace.hash.pdq.PdqHash;

/**
 * Single-hash range queries per second, {@link PdqEngine}s side by side on the same seeded data.
 *
 * <p>Run (see {@code docs/benchmarks-pdq.md}): {@code java -Xms4g -Xmx4g -jar
 * tiptrace-bench/target/tiptrace-bench.jar PdqIndexBenchmark -p n=1000000}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class PdqIndexBenchmark {

  @Param({"100000", "1000000"})
  int n;

  @Param({"UNIFORM", "CLUSTERED"})
  PdqBenchData.Kind kind;

  @Param({"31"})
  int radius;

  @Param({"TIPTRACE_INDEX", "LINEAR_SCAN"})
  PdqEngine engine;

  @Param({"42"})
  long seed;

  private PdqEngine.Searcher searcher;
  private PdqHash[] queries;

  @Setup(Level.Trial)
  public void setUp() {
    PdqBenchData.Data data = PdqBenchData.generate(kind, n, 4096, seed);
    searcher = engine.build(data.codes());
    queries = new PdqHash[data.q()];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = data.query(i);
    }
  }

  /** Per-thread cursor over the query set. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Benchmark
  public void query(Cursor cursor, Blackhole bh) {
    PdqHash q = queries[cursor.next++ & (4096 - 1)];
    searcher.search(q, radius, (id, d) -> bh.consume(id + d));
  }
}
