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
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tiptrace.hash.sets.HashMatcher;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.ReadProgress;
import org.tiptrace.hash.sets.csv.CsvHashReader;
import org.tiptrace.store.Database;
import org.tiptrace.store.DatabaseConfig;
import org.tiptrace.store.hashsets.JdbcHashSetRepository;

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
 * [--h2-settings ';NAME=VALUE...']}. PostgreSQL runs in a schema of its own, dropped afterwards; H2
 * in a fresh folder under {@code --dir} (default a temporary folder).
 */
public final class HashSetBulkImport {
  private HashSetBulkImport() {}

  public static void main(String[] args) throws Exception {
    long entries = 1_000_000;
    long seed = 42;
    String db = "h2";
    String pgUrl = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    Path dir = null;
    boolean replace = true;
    boolean load = true;
    String h2Settings = "";
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
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path work = dir == null ? Files.createTempDirectory("tiptrace-bulk") : dir;
    Files.createDirectories(work);
    long rows = (entries + 2) / 3;
    Path csv = work.resolve("set-" + seed + "-" + rows + ".csv");
    if (!Files.exists(csv)) {
      long t = System.nanoTime();
      writeCsv(csv, rows, seed);
      out.printf(Locale.ROOT, "wrote %s in %.1f s%n", csv, (System.nanoTime() - t) / 1e9);
    }
    out.printf(
        Locale.ROOT,
        "seed %d: %,d rows, %,d entries, %,d MiB CSV; JDK %s, %d CPUs, -Xmx %d MiB, load %.1f%n",
        seed,
        rows,
        rows * 3,
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
        run(out, "H2 file", config, csv, replace, load);
      }
      case "pg" -> {
        String schema = "tt_bulk_" + Long.toHexString(System.nanoTime());
        execute(pgUrl, "CREATE SCHEMA " + schema);
        try {
          String url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
          run(out, "PostgreSQL", DatabaseConfig.of(url, null, null), csv, replace, load);
        } finally {
          execute(pgUrl, "DROP SCHEMA " + schema + " CASCADE");
        }
      }
      default -> throw new IllegalArgumentException("--db must be h2 or pg, was " + db);
    }
  }

  private static void run(
      PrintStream out, String label, DatabaseConfig config, Path csv, boolean replace, boolean load)
      throws IOException {
    try (Database db = Database.open(config)) {
      HashSetRepository repo = new JdbcHashSetRepository(db.dataSource());
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
        System.gc();
        long t = System.nanoTime();
        HashMatcher matcher = HashMatcher.load(repo);
        double s = (System.nanoTime() - t) / 1e9;
        out.printf(
            Locale.ROOT,
            "%s index load: %.1f s (%,.0f entries/s), index %,.1f MiB%n",
            label,
            s,
            first.entries / s,
            matcher.memoryBytes() / 1048576.0);
      }
    }
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

  private static void writeCsv(Path csv, long rows, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    HexFormat hex = HexFormat.of();
    byte[] md5 = new byte[16];
    byte[] sha1 = new byte[20];
    byte[] sha256 = new byte[32];
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("md5,sha1,sha256,category\n");
      for (long i = 0; i < rows; i++) {
        random.nextBytes(md5);
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
