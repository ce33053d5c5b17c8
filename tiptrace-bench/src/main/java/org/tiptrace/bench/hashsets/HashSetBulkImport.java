package org.tiptrace.bench.hashsets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tiptrace.hash.sets.FileMatches;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.hash.sets.HashMatcher;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.ReadProgress;
import org.tiptrace.hash.sets.TipHashMatches;
import org.tiptrace.hash.sets.csv.CsvHashReader;
import org.tiptrace.store.Database;
import org.tiptrace.store.DatabaseConfig;
import org.tiptrace.store.hashsets.FileSetIndexCache;
import org.tiptrace.store.hashsets.JdbcHashSetRepository;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;

/**
 * National-scale hash-set import (issue 3): a seeded CSV of random (MD5, SHA-1, SHA-256, category)
 * rows, three entries per row, written to disk once and imported through {@link CsvHashReader} into
 * {@link JdbcHashSetRepository} (PostgreSQL: {@code COPY}; H2: JDBC batches), then imported again
 * under the same name (the atomic replace), then {@link HashMatcher#load} builds the in-memory
 * indexes from the store, as the app does at start. Prints entries/s, the peak heap of the import
 * (sum of the heap pools' peaks, reset before it) and the index load time.
 *
 * <p>Usage: {@code java -Xmx1g -cp tiptrace-bench.jar org.tiptrace.bench.hashsets.HashSetBulkImport
 * --entries N [--db h2|pg] [--pg-url JDBC_URL] [--seed S] [--dir DIR] [--no-replace] [--no-load]
 * [--h2-settings ';NAME=VALUE...'] [--pg-load sorted|direct] [--cache DIR] [--md5-only]}. With
 * {@code --cache} the index is loaded twice more through a {@link FileSetIndexCache} in DIR
 * (emptied first): cold (from the database, writing the cache) and warm (from the cache).
 * PostgreSQL runs in a schema of its own, dropped afterwards; H2 in a fresh folder under {@code
 * --dir} (default a temporary folder).
 */
public final class HashSetBulkImport {
  private HashSetBulkImport() {}

  private static final int REPORTS = 20;

  public static void main(String[] args) throws Exception {
    long entries = 1_000_000;
    long seed = 42;
    String db = "h2";
    String pgUrl = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    Path dir = null;
    boolean replace = true;
    boolean load = true;
    String h2Settings = "";
    JdbcHashSetRepository.PostgresLoad pgLoad = JdbcHashSetRepository.PostgresLoad.SORTED;
    Path cache = null;
    boolean md5Only = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--entries" -> entries = Long.parseLong(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--db" -> db = args[++i];
        case "--pg-url" -> pgUrl = args[++i];
        case "--dir" -> dir = Path.of(args[++i]);
        case "--no-replace" -> replace = false;
        case "--no-load" -> load = false;
        case "--h2-settings" -> h2Settings = args[++i];
        case "--pg-load" ->
            pgLoad = JdbcHashSetRepository.PostgresLoad.valueOf(args[++i].toUpperCase(Locale.ROOT));
        case "--cache" -> cache = Path.of(args[++i]);
        case "--md5-only" -> md5Only = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path work = dir == null ? Files.createTempDirectory("tiptrace-bulk") : dir;
    Files.createDirectories(work);
    int perRow = md5Only ? 1 : 3;
    long rows = (entries + perRow - 1) / perRow;
    Path csv = work.resolve("set-" + seed + "-" + rows + (md5Only ? "-md5" : "") + ".csv");
    if (!Files.exists(csv)) {
      long t = System.nanoTime();
      writeCsv(csv, rows, seed, md5Only, md5Only ? plantedMd5s(seed) : List.of());
      out.printf(Locale.ROOT, "wrote %s in %.1f s%n", csv, (System.nanoTime() - t) / 1e9);
    }
    Settings settings = new Settings(seed, replace, load, pgLoad, Optional.ofNullable(cache));
    out.printf(
        Locale.ROOT,
        "seed %d: %,d rows, %,d entries, %,d MiB CSV; JDK %s, %d CPUs, -Xmx %d MiB, load %.1f%n",
        seed,
        rows,
        rows * perRow,
        Files.size(csv) >> 20,
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    switch (db) {
      case "h2" -> {
        Path h2 = Files.createTempDirectory(work, "h2-");
        DatabaseConfig config = DatabaseConfig.h2File(h2);
        if (!h2Settings.isEmpty()) {
          config =
              DatabaseConfig.of(
                  config.url() + h2Settings,
                  config.user().orElse(null),
                  config.password().orElse(null));
        }
        out.println("H2 " + config.url());
        run(out, "H2 file", config, csv, settings);
      }
      case "pg" -> {
        String schema = "tt_bulk_" + Long.toHexString(System.nanoTime());
        execute(pgUrl, "CREATE SCHEMA " + schema);
        try {
          String url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
          run(
              out,
              "PostgreSQL (" + pgLoad + ")",
              DatabaseConfig.of(url, null, null),
              csv,
              settings);
        } finally {
          execute(pgUrl, "DROP SCHEMA " + schema + " CASCADE");
        }
      }
      default -> throw new IllegalArgumentException("--db must be h2 or pg, was " + db);
    }
  }

  private record Settings(
      long seed,
      boolean replace,
      boolean load,
      JdbcHashSetRepository.PostgresLoad pgLoad,
      Optional<Path> cache) {}

  private static void run(
      PrintStream out, String label, DatabaseConfig config, Path csv, Settings settings)
      throws IOException {
    boolean replace = settings.replace();
    boolean load = settings.load();
    try (Database db = Database.open(config)) {
      JdbcHashSetRepository plain =
          new JdbcHashSetRepository(db.dataSource()).withPostgresLoad(settings.pgLoad());
      HashSetRepository repo = plain;
      Result first = importOnce(repo, csv, "1");
      out.printf(
          Locale.ROOT,
          "%s import: %,d entries in %.1f s = %,.0f entries/s, peak heap %,d MiB%n",
          label,
          first.entries,
          first.seconds,
          first.entries / first.seconds,
          first.peakHeap >> 20);
      if (replace) {
        Result second = importOnce(repo, csv, "2");
        out.printf(
            Locale.ROOT,
            "%s replace: %,d entries in %.1f s = %,.0f entries/s, peak heap %,d MiB%n",
            label,
            second.entries,
            second.seconds,
            second.entries / second.seconds,
            second.peakHeap >> 20);
      }
      if (load) {
        loadOnce(out, label + " index load, no cache", plain, first.entries);
      }
      if (settings.cache().isPresent()) {
        FileSetIndexCache cache = FileSetIndexCache.in(settings.cache().get());
        cache.retainOnly(List.of());
        // Cold: the cache is empty, the set is read from the database and its files written.
        loadOnce(
            out,
            label + " index load, cold (cache written)",
            plain.withIndexCache(cache),
            first.entries);
        // Warm: a new matcher, as at the next start, with the files in place.
        HashMatcher warm =
            loadOnce(
                out,
                label + " index load, warm (from cache)",
                plain.withIndexCache(cache),
                first.entries);
        matchReports(out, label, warm, settings.seed());
      }
    }
  }

  /** Builds a matcher as a fresh start would and prints its time, size and the heap after it. */
  private static HashMatcher loadOnce(
      PrintStream out, String label, HashSetRepository repo, long entries) {
    System.gc();
    long t = System.nanoTime();
    HashMatcher matcher = HashMatcher.load(repo);
    double s = (System.nanoTime() - t) / 1e9;
    System.gc();
    Runtime rt = Runtime.getRuntime();
    out.printf(
        Locale.ROOT,
        "%s: %.1f s (%,.0f entries/s), index %,.1f MiB, heap used after GC %,d MiB%n",
        label,
        s,
        entries / s,
        matcher.memoryBytes() / 1048576.0,
        (rt.totalMemory() - rt.freeMemory()) >> 20);
    return matcher;
  }

  /**
   * Matches the generated reports (their planted MD5s are in an MD5-only set) and prints the
   * verdicts and one match.
   */
  private static void matchReports(PrintStream out, String label, HashMatcher matcher, long seed) {
    List<Report> reports = HashSetThroughput.reports(seed, REPORTS);
    Map<FileVerdict, Integer> verdicts = new EnumMap<>(FileVerdict.class);
    Optional<HashMatch> one = Optional.empty();
    int files = 0;
    long t = System.nanoTime();
    for (Report r : reports) {
      TipHashMatches m = matcher.match(r);
      for (FileMatches f : m.files()) {
        files++;
        verdicts.merge(f.verdict(), 1, Integer::sum);
        if (one.isEmpty() && !f.matches().isEmpty()) {
          one = Optional.of(f.matches().get(0));
        }
      }
    }
    double ms = (System.nanoTime() - t) / 1e6;
    out.printf(
        Locale.ROOT,
        "%s match: %d reports, %d files in %.1f ms: %s; e.g. %s%n",
        label,
        reports.size(),
        files,
        ms,
        verdicts,
        one.map(HashMatch::toString).orElse("no match"));
  }

  private record Result(long entries, double seconds, long peakHeap) {}

  private static Result importOnce(HashSetRepository repo, Path csv, String version)
      throws IOException {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
    long t0 = System.nanoTime();
    HashSetRepository.Imported imported =
        repo.importSet(
            new HashSetInfo(
                "bulk",
                version,
                Optional.of("seeded random"),
                Optional.empty(),
                "none",
                HashSetKind.KNOWN_ABUSE,
                true),
            HashSetFormat.CSV,
            "0".repeat(64),
            Instant.EPOCH,
            sink -> new CsvHashReader().read(csv, sink, ReadProgress.NONE));
    double seconds = (System.nanoTime() - t0) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    return new Result(imported.set().entryCount(), seconds, peak);
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** The MD5s of the files of a few generated reports, planted first in an MD5-only CSV. */
  private static List<String> plantedMd5s(long seed) {
    List<String> out = new ArrayList<>();
    for (Report r : HashSetThroughput.reports(seed, REPORTS)) {
      for (ReportedFile f : r.files()) {
        for (FileHash h : f.hashes()) {
          if (h.algorithm() == HashAlgorithm.MD5 && out.size() % 2 == 0) {
            out.add(h.value().toLowerCase(Locale.ROOT));
          } else if (h.algorithm() == HashAlgorithm.MD5) {
            out.add(""); // every second file stays unknown
          }
        }
      }
    }
    return out.stream().filter(m -> !m.isEmpty()).toList();
  }

  private static void writeCsv(
      Path csv, long rows, long seed, boolean md5Only, List<String> planted) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    HexFormat hex = HexFormat.of();
    byte[] md5 = new byte[16];
    byte[] sha1 = new byte[20];
    byte[] sha256 = new byte[32];
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write(md5Only ? "md5,category\n" : "md5,sha1,sha256,category\n");
      for (String m : planted) {
        w.write(m);
        w.write(",1\n");
      }
      for (long i = 0; i < rows; i++) {
        random.nextBytes(md5);
        if (md5Only) {
          w.write(hex.formatHex(md5));
          w.write(i % 7 == 0 ? ",2\n" : ",1\n");
          continue;
        }
        random.nextBytes(sha1);
        random.nextBytes(sha256);
        w.write(hex.formatHex(md5));
        w.write(',');
        w.write(hex.formatHex(sha1));
        w.write(',');
        w.write(hex.formatHex(sha256));
        w.write(i % 7 == 0 ? ",2\n" : ",1\n");
      }
    }
  }
}
