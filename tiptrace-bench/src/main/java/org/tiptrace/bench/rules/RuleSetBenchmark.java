package org.tiptrace.bench.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tiptrace.rules.RuleCheck;
import org.tiptrace.rules.RuleKind;
import org.tiptrace.store.Database;
import org.tiptrace.store.rules.JdbcRuleSetRepository;
import org.tiptrace.triage.TriageRules;

/**
 * What versioned rule sets cost on the hot path: every ingest, re-triage and gate decision asks the
 * store for the active version number ({@code activeVersion}, one indexed query on H2 in memory
 * here), and parses the stored bytes again only when that number changed ({@code parseTriage});
 * {@code checkSubmission} is the whole check of a submitted triage file with line mapping. Run: see
 * docs/benchmarks-rules.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class RuleSetBenchmark {
  private Database db;
  private JdbcRuleSetRepository repo;
  private byte[] triage;

  @Setup(Level.Trial)
  public void open() {
    db = Database.inMemory();
    repo = new JdbcRuleSetRepository(db.dataSource());
    try (InputStream in =
        Objects.requireNonNull(RuleKind.class.getResourceAsStream(RuleKind.TRIAGE.resource()))) {
      triage = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    repo.seedIfEmpty(
        RuleKind.TRIAGE, 1, "2026.11-1", triage, Instant.parse("2026-11-23T00:00:00Z"), "bench");
  }

  @TearDown(Level.Trial)
  public void close() {
    db.close();
  }

  @Benchmark
  public OptionalInt activeVersion() {
    return repo.activeVersion(RuleKind.TRIAGE);
  }

  @Benchmark
  public TriageRules parseTriage() {
    return RuleCheck.triage(triage, "bench");
  }

  @Benchmark
  public RuleCheck.Outcome checkSubmission() {
    return RuleCheck.check(RuleKind.TRIAGE, triage, "bench.yaml", List.of());
  }
}
