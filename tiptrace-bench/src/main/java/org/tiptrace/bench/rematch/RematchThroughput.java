package org.tiptrace.bench.rematch;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tiptrace.hash.sets.Digest;
import org.tiptrace.hash.sets.DigestAlgorithm;
import org.tiptrace.hash.sets.HashEntry;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.ReadSummary;
import org.tiptrace.hash.sets.TipMatching;
import org.tiptrace.store.Database;
import org.tiptrace.store.DatabaseConfig;
import org.tiptrace.store.JdbcTipRepository;
import org.tiptrace.store.hashsets.JdbcHashSetRepository;
import org.tiptrace.synth.SyntheticTips;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.TipRepository;
import org.tiptrace.tip.TriState;

/**
 * Re-matching throughput (issue 3 §6): {@link TipMatching#rematchAll} (batched: pages of 500 tips,
 * a few reads, one batched lookup and one transaction per page) against the tip-by-tip path it
 * replaced ({@link TipMatching#rematch} per tip: tip, stored matches and computed hashes read, one
 * entry read per matching file, one transaction per tip), in the same run, on the same database.
 *
 * <p>Seeded synthetic tips ({@link SyntheticTips}, LE JSON shape) over two agencies; an abuse set
 * holding the MD5 of every 10th file and 10,000 random MD5s, a known-good set holding the MD5 of
 * every 25th. The tips are inserted up to each size in {@code --tips}, one warm-up batched re-match
 * stores every tip's matches, then per size: the tip-by-tip pass (only up to {@code --per-tip-max})
 * and the batched pass, both re-reading, re-matching and re-writing every tip (nothing changes, so
 * no marks). Time: wall clock, and CPU time of the calling thread (ThreadMXBean; with H2 embedded
 * that includes the database's work, with PostgreSQL it does not).
 *
 * <p>Usage: {@code java -cp tiptrace-bench.jar org.tiptrace.bench.rematch.RematchThroughput [--tips
 * 10000,100000] [--per-tip-max 10000] [--seed S] [--pg-url JDBC_URL] [--no-h2]}.
 */
public final class RematchThroughput {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);
  private static final AgencyId[] AGENCIES = {new AgencyId("icac-a"), new AgencyId("icac-b")};

  private RematchThroughput() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(10_000, 100_000);
    int perTipMax = 10_000;
    long seed = 20261123L;
    String pgUrl = null;
    boolean h2 = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--tips" -> {
          List<Integer> s = new ArrayList<>();
          for (String p : args[++i].split(",")) {
            s.add(Integer.parseInt(p.strip()));
          }
          sizes = List.copyOf(s);
        }
        case "--per-tip-max" -> perTipMax = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--pg-url" -> pgUrl = args[++i];
        case "--no-h2" -> h2 = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.printf(
        Locale.ROOT,
        "seed %d, sizes %s, per-tip up to %d; JDK %s, %d CPUs, max heap %d MiB, load average %.1f%n%n",
        seed,
        sizes,
        perTipMax,
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.println("| database | tips | files | path | wall s | tips/s | thread CPU s | load avg |");
    out.println("|---|---:|---:|---|---:|---:|---:|---:|");
    if (h2) {
      Path dir = Files.createTempDirectory("tiptrace-rematch-bench");
      run(out, "H2 file", DatabaseConfig.h2File(dir.resolve("h2")), sizes, perTipMax, seed);
    }
    if (pgUrl != null) {
      String schema = "tt_bench_rematch_" + Long.toHexString(System.nanoTime());
      execute(pgUrl, "CREATE SCHEMA " + schema);
      try {
        String url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        run(out, "PostgreSQL", DatabaseConfig.of(url, null, null), sizes, perTipMax, seed);
      } finally {
        execute(pgUrl, "DROP SCHEMA " + schema + " CASCADE");
      }
    }
    out.printf(
        Locale.ROOT,
        "%nload average at the end %.1f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void run(
      PrintStream out,
      String label,
      DatabaseConfig config,
      List<Integer> sizes,
      int perTipMax,
      long seed)
      throws Exception {
    try (Database db = Database.open(config)) {
      HashSetRepository sets = new JdbcHashSetRepository(db.dataSource());
      TipRepository tips = new JdbcTipRepository(db.dataSource());
      SyntheticTips gen = new SyntheticTips(seed, Instant.parse("2026-06-01T00:00:00Z"));
      SplittableRandom r = new SplittableRandom(seed);
      List<Report> reports = new ArrayList<>();
      int max = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
      for (int i = 0; i < max; i++) {
        reports.add(gen.next(SourceFormat.LE_JSON));
      }
      importSets(sets, reports, r);
      int inserted = 0;
      long files = 0;
      for (int size : sizes) {
        for (; inserted < size; inserted++) {
          Report rep = reports.get(inserted);
          files += rep.files().size();
          tips.insertIfAbsent(
              AGENCIES[inserted % 2],
              Sha256.of(("bench-" + inserted).getBytes(StandardCharsets.UTF_8)),
              CLOCK.instant(),
              rep);
        }
        TipMatching matching = new TipMatching(sets, tips, CLOCK);
        matching.rematchAll("warm-up", TipMatching.Progress.NONE); // stores every tip's matches
        if (size <= perTipMax) {
          long[] t = start();
          int changed = 0;
          for (HashSetRepository.TipRef ref : sets.allTips()) {
            if (matching.rematch(ref.agency(), ref.tip(), "bench").orElseThrow().changed()) {
              changed++;
            }
          }
          row(out, label, size, files, "tip by tip", t, changed);
        }
        long[] t = start();
        TipMatching.Rematch m = matching.rematchAll("bench", TipMatching.Progress.NONE);
        if (m.tips() != size) {
          throw new IllegalStateException("re-matched " + m.tips() + " of " + size + " tips");
        }
        row(out, label, size, files, "batched (pages of 500)", t, m.changed());
      }
    }
  }

  /** The abuse set (every 10th file's MD5 + 10,000 random) and the known-good set (every 25th). */
  private static void importSets(HashSetRepository sets, List<Report> reports, SplittableRandom r)
      throws Exception {
    List<byte[]> abuse = new ArrayList<>();
    List<byte[]> good = new ArrayList<>();
    int n = 0;
    for (Report rep : reports) {
      for (ReportedFile f : rep.files()) {
        for (FileHash h : f.hashes()) {
          if (h.algorithm() == HashAlgorithm.MD5) {
            byte[] b = HexFormat.of().parseHex(h.value().toLowerCase(Locale.ROOT));
            if (n % 10 == 0) {
              abuse.add(b);
            } else if (n % 25 == 0) {
              good.add(b);
            }
          }
        }
        n++;
      }
    }
    for (int i = 0; i < 10_000; i++) {
      byte[] b = new byte[16];
      r.nextBytes(b);
      abuse.add(b);
    }
    importSet(sets, "Bench abuse", HashSetKind.KNOWN_ABUSE, abuse);
    importSet(sets, "Bench known-good", HashSetKind.KNOWN_GOOD, good);
  }

  private static void importSet(
      HashSetRepository sets, String name, HashSetKind kind, List<byte[]> md5s) throws Exception {
    sets.importSet(
        new HashSetInfo(
            name, "1", Optional.of("synthetic"), Optional.empty(), "unspecified", kind, true),
        HashSetFormat.CSV,
        Sha256.of(name.getBytes(StandardCharsets.UTF_8)).hex(),
        CLOCK.instant(),
        sink -> {
          for (byte[] b : md5s) {
            sink.accept(
                new HashEntry(
                    Digest.of(DigestAlgorithm.MD5, b),
                    Optional.of("1"),
                    Optional.empty(),
                    TriState.UNKNOWN));
          }
          return new ReadSummary(
              md5s.size(), md5s.size(), Optional.empty(), Optional.empty(), List.of());
        });
  }

  private static long[] start() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    return new long[] {System.nanoTime(), mx.getCurrentThreadCpuTime()};
  }

  private static void row(
      PrintStream out, String label, int tips, long files, String path, long[] t, int changed) {
    double wall = (System.nanoTime() - t[0]) / 1e9;
    double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - t[1]) / 1e9;
    out.printf(
        Locale.ROOT,
        "| %s | %,d | %,d | %s | %.1f | %,.0f | %.1f | %.1f |%s%n",
        label,
        tips,
        files,
        path,
        wall,
        tips / wall,
        cpu,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        changed == 0 ? "" : " (" + changed + " changed?)");
  }

  private static void execute(String url, String sql) throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
