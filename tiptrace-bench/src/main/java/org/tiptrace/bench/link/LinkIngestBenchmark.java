package org.tiptrace.bench.link;

import java.util.List;
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
import org.tiptrace.link.Linker;
import org.tiptrace.tip.Tip;
import org.tiptrace.triage.TipSignals;
import org.tiptrace.triage.Triage;
import org.tiptrace.triage.TriageRules;

/**
 * Incremental linking of generated tips: one fresh {@link Linker}, every tip ingested one by one
 * (the production path), then every tip's link signals and score (the triage replay path).
 * Single-shot: one operation is the whole data set; tips/s = tips / seconds per operation.
 *
 * <p>Run: see docs/benchmarks-link.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgs = {"-Xms2g", "-Xmx2g"})
public class LinkIngestBenchmark {
  @Param({"100000"})
  public int tips;

  @Param({"20261122"})
  public long seed;

  private List<Tip> data;
  private Linker linked;
  private TriageRules rules;

  @Setup(Level.Trial)
  public void generate() {
    data = LinkWorld.tips(seed, tips);
    linked = new Linker();
    data.forEach(linked::ingest);
    rules = TriageRules.defaults();
  }

  /** Ingest every tip into a new linker. */
  @Benchmark
  public int ingest() {
    Linker linker = new Linker();
    for (Tip t : data) {
      linker.ingest(t);
    }
    return linker.subjectCount();
  }

  /** Link signals and a score for every tip of an already linked world. */
  @Benchmark
  public long signalsAndScore() {
    long sum = 0;
    for (Tip t : data) {
      TipSignals s = TipSignals.unchecked(t).withLink(linked.signals(t.id()));
      sum += Triage.score(t, s, rules).score();
    }
    return sum;
  }
}
