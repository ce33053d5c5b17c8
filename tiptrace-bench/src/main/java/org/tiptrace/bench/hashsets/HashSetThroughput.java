package org.tiptrace.bench.hashsets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashMatcher;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.ReadProgress;
import org.tiptrace.hash.sets.TipHashMatches;
import org.tiptrace.hash.sets.csv.CsvHashReader;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.store.Database;
import org.tiptrace.store.DatabaseConfig;
import org.tiptrace.store.hashsets.JdbcHashSetRepository;
import org.tiptrace.synth.SyntheticDataSet;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;

/**
 * Hash-set import and matching throughput: a seeded CSV of N random (MD5, SHA-1, SHA-256) rows,
 * with the MD5 of every 10th file of the generated reports mixed in, is imported through {@link
 * CsvHashReader} into {@link JdbcHashSetRepository} (one transaction) on an H2 file database and,
 * when a URL is given, on PostgreSQL; then {@link HashMatcher} is built from the store and matches
 * the reports. Results go to stdout as a Markdown table.
 *
 * <p>Usage: {@code java -cp tiptrace-bench.jar org.tiptrace.bench.hashsets.HashSetThroughput
 * [--rows N] [--reports N] [--seed S] [--pg-url JDBC_URL]}.
 */
public final class HashSetThroughput {
  private HashSetThroughput() {}

  public static void main(String[] args) throws Exception {
    int rows = 200_000;
    int reportCount = 5_000;
    long seed = 42;
    String pgUrl = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rows" -> rows = Integer.parseInt(args[++i]);
        case "--reports" -> reportCount = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--pg-url" -> pgUrl = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<Report> reports = reports(seed, reportCount);
    int files = reports.stream().mapToInt(r -> r.files().size()).sum();
    Path dir = Files.createTempDirectory("tiptrace-hashsets-bench");
    Path csv = dir.resolve("set.csv");
    int planted = writeCsv(csv, rows, seed, reports);
    out.printf(
        Locale.ROOT,
        "seed %d: %d random rows + %d planted MD5s (%d MiB CSV), %d reports with %d files%n%n",
        seed,
        rows,
        planted,
        Files.size(csv) >> 20,
        reports.size(),
        files);
    out.println(
        "| database | import entries/s | index build ms | index MiB | files matched/s | known |");
    out.println("|---|---:|---:|---:|---:|---:|");
    run(out, "H2 file", DatabaseConfig.h2File(dir.resolve("h2")), csv, reports);
    if (pgUrl != null) {
      // A schema of its own, dropped afterwards, so the run leaves the database as it was.
      String schema = "tt_bench_hashsets_" + Long.toHexString(System.nanoTime());
      execute(pgUrl, "CREATE SCHEMA " + schema);
      try {
        String url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        run(out, "PostgreSQL", DatabaseConfig.of(url, null, null), csv, reports);
      } finally {
        execute(pgUrl, "DROP SCHEMA " + schema + " CASCADE");
      }
    }
    out.printf(
        Locale.ROOT,
        "%nJDK %s, %d CPUs, load average %.1f%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void run(
      PrintStream out, String label, DatabaseConfig config, Path csv, List<Report> reports)
      throws IOException {
    try (Database db = Database.open(config)) {
      HashSetRepository repo = new JdbcHashSetRepository(db.dataSource());
      String name = "bench-" + System.nanoTime();
      long t0 = System.nanoTime();
      HashSetRepository.Imported imported =
          repo.importSet(
              new HashSetInfo(
                  name,
                  "1",
                  Optional.of("seeded random"),
                  Optional.empty(),
                  "none",
                  HashSetKind.KNOWN_ABUSE,
                  true),
              HashSetFormat.CSV,
              "0".repeat(64),
              Instant.EPOCH,
              sink -> new CsvHashReader().read(csv, sink, ReadProgress.NONE));
      double importS = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      HashMatcher matcher = HashMatcher.load(repo);
      double buildMs = (System.nanoTime() - t1) / 1e6;
      // one warm-up pass, then the measured one
      count(matcher, reports);
      long t2 = System.nanoTime();
      int known = count(matcher, reports);
      double matchS = (System.nanoTime() - t2) / 1e9;
      int files = reports.stream().mapToInt(r -> r.files().size()).sum();
      out.printf(
          Locale.ROOT,
          "| %s | %,.0f | %,.0f | %.1f | %,.0f | %d |%n",
          label,
          imported.set().entryCount() / importS,
          buildMs,
          matcher.memoryBytes() / 1048576.0,
          files / matchS,
          known);
      repo.remove(name);
    }
  }

  private static void execute(String url, String sql) throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static int count(HashMatcher matcher, List<Report> reports) {
    int known = 0;
    for (Report r : reports) {
      TipHashMatches m = matcher.match(r);
      for (FileVerdict v : m.verdicts()) {
        if (v == FileVerdict.MATCHED_KNOWN) {
          known++;
        }
      }
    }
    return known;
  }

  static List<Report> reports(long seed, int count) {
    DocumentReaders readers = DocumentReaders.standard();
    List<Report> out = new ArrayList<>();
    for (RawDocument d : SyntheticDataSet.documents(seed, count)) {
      if (readers.read(d.name(), d.bytes(), ParseMode.TOLERANT, IntakeLimits.DEFAULT)
          instanceof ParseResult.ReportParsed p) {
        out.add(p.report());
      }
    }
    return out;
  }

  /** Random rows, and the MD5 of every 10th reported file; returns how many were planted. */
  private static int writeCsv(Path csv, int rows, long seed, List<Report> reports)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    HexFormat hex = HexFormat.of();
    int planted = 0;
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("md5,sha1,sha256,category\n");
      for (int i = 0; i < rows; i++) {
        w.write(hex.formatHex(bytes(random, 16)));
        w.write(',');
        w.write(hex.formatHex(bytes(random, 20)));
        w.write(',');
        w.write(hex.formatHex(bytes(random, 32)));
        w.write(",1\n");
      }
      int n = 0;
      for (Report r : reports) {
        for (ReportedFile f : r.files()) {
          if (n++ % 10 != 0) {
            continue;
          }
          for (FileHash h : f.hashes()) {
            if (h.algorithm() == HashAlgorithm.MD5) {
              w.write(h.value() + ",,,1\n");
              planted++;
              break;
            }
          }
        }
      }
    }
    return planted;
  }

  private static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
