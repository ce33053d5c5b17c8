package org.tiptrace.bench.intake;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.IntakeOutcome;
import org.tiptrace.intake.IntakeResult;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.store.Database;
import org.tiptrace.store.DatabaseConfig;
import org.tiptrace.synth.SyntheticDataSet;
import org.tiptrace.tip.AgencyId;

/**
 * Ingest throughput in tips per second on generated LE JSON downloads: parsing alone, then the
 * whole intake stage (archive, parse, store) on an H2 file database and, when a URL is given, on
 * PostgreSQL, with 1 and 2 threads. Each run ingests fresh documents into an empty database.
 *
 * <p>Usage: {@code java -cp tiptrace-bench.jar org.tiptrace.bench.intake.IngestThroughput [--count
 * N] [--pg-url JDBC_URL]}. Results go to stdout as a Markdown table.
 */
public final class IngestThroughput {
  private static final AgencyId AGENCY = new AgencyId("BENCH");

  private IngestThroughput() {}

  public static void main(String[] args) throws Exception {
    int count = 20_000;
    String pgUrl = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--count" -> count = Integer.parseInt(args[++i]);
        case "--pg-url" -> pgUrl = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Instant until = Instant.parse("2026-06-01T00:00:00Z");
    out.printf(Locale.ROOT, "Generating %d documents...%n", count);
    List<RawDocument> warmup = SyntheticDataSet.documents(1, 2_000, until);
    List<RawDocument> docs = SyntheticDataSet.documents(2, count, until);
    long bytes = docs.stream().mapToLong(d -> d.bytes().length).sum();
    out.printf(
        Locale.ROOT,
        "JDK %s, %d cores, %d documents, %.1f KiB average%n%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        docs.size(),
        bytes / 1024.0 / docs.size());
    out.println("| stage | database | threads | documents | seconds | tips/s |");
    out.println("|---|---|---:|---:|---:|---:|");

    for (int threads : new int[] {1, 2}) {
      parse(warmup, threads);
      long t0 = System.nanoTime();
      parse(docs, threads);
      row(out, "parse only", "-", threads, docs.size(), System.nanoTime() - t0);
    }
    for (int threads : new int[] {1, 2}) {
      Path dir = Files.createTempDirectory("tiptrace-bench-h2");
      try (Database db = Database.open(DatabaseConfig.h2File(dir))) {
        ingest(db, warmup, threads);
        long t0 = System.nanoTime();
        ingest(db, docs, threads);
        row(out, "ingest", "H2 file", threads, docs.size(), System.nanoTime() - t0);
      } finally {
        deleteTree(dir);
      }
    }
    if (pgUrl != null) {
      for (int threads : new int[] {1, 2}) {
        String schema = "bench_" + Long.toHexString(System.nanoTime());
        String url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (var c = java.sql.DriverManager.getConnection(pgUrl);
            var s = c.createStatement()) {
          s.execute("CREATE SCHEMA " + schema);
        }
        try (Database db = Database.open(DatabaseConfig.of(url, null, null))) {
          ingest(db, warmup, threads);
          long t0 = System.nanoTime();
          ingest(db, docs, threads);
          row(out, "ingest", "PostgreSQL", threads, docs.size(), System.nanoTime() - t0);
        } finally {
          try (var c = java.sql.DriverManager.getConnection(pgUrl);
              var s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
          }
        }
      }
    }
    out.printf(
        Locale.ROOT,
        "%nPeak heap used: %d MiB%n",
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
  }

  private static void parse(List<RawDocument> docs, int threads) throws Exception {
    DocumentReaders readers = DocumentReaders.standard();
    run(
        docs,
        threads,
        d -> {
          ParseResult r =
              readers.read(d.name(), d.bytes(), ParseMode.TOLERANT, IntakeLimits.DEFAULT);
          if (!(r instanceof ParseResult.ReportParsed)) {
            throw new IllegalStateException(d.name() + " did not parse: " + r.problems());
          }
        });
  }

  private static void ingest(Database db, List<RawDocument> docs, int threads) throws Exception {
    Intake intake =
        new Intake(db.rawArchive(), db.tips(), DocumentReaders.standard(), IntakeLimits.DEFAULT);
    run(
        docs,
        threads,
        d -> {
          IntakeResult r = intake.ingest(AGENCY, d, ParseMode.TOLERANT);
          if (r.outcome() != IntakeOutcome.ACCEPTED) {
            throw new IllegalStateException(d.name() + ": " + r.outcome() + " " + r.problems());
          }
        });
  }

  private interface Work {
    void apply(RawDocument doc) throws Exception;
  }

  private static void run(List<RawDocument> docs, int threads, Work work) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < docs.size();
                      i = next.getAndIncrement()) {
                    work.apply(docs.get(i));
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void row(
      PrintStream out, String stage, String db, int threads, int n, long nanos) {
    double seconds = nanos / 1e9;
    out.printf(
        Locale.ROOT,
        "| %s | %s | %d | %d | %.2f | %.0f |%n",
        stage,
        db,
        threads,
        n,
        seconds,
        n / seconds);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
