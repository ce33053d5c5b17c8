package org.tiptrace.bench.queue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.tiptrace.store.Database;
import org.tiptrace.store.DatabaseConfig;
import org.tiptrace.store.triage.JdbcTriageStore;
import org.tiptrace.synth.SyntheticTips;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.triage.QueueFacets;
import org.tiptrace.triage.ScoreLine;
import org.tiptrace.triage.Tier;
import org.tiptrace.triage.TipSignals;
import org.tiptrace.triage.TriageStore.QueueQuery;

/**
 * What one queue page costs at a given number of stored triage rows: the statements the page runs
 * ({@code unscored} catch-up check, {@code queueRows} for the filtered page, {@code queueSummary})
 * timed per filter, median of repeated runs. Seeds the rows with batched SQL (tips with a synthetic
 * report, a triage row, its facets), which is setup and not measured.
 *
 * <pre>
 * java -cp tiptrace-bench/target/tiptrace-bench.jar org.tiptrace.bench.queue.QueuePageProbe \
 *   10000 100000                 # H2 file database in a temporary directory
 * java -Dtiptrace.store.url='jdbc:postgresql://127.0.0.1:5432/DB?user=postgres' -cp … \
 *   org.tiptrace.bench.queue.QueuePageProbe 10000 100000   # an empty PostgreSQL database
 * </pre>
 */
public final class QueuePageProbe {
  private static final AgencyId AGENCY = new AgencyId("BENCH-Q");
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final int REPS = Integer.getInteger("reps", 15);

  private QueuePageProbe() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    int[] sizes =
        Arrays.stream(args.length == 0 ? new String[] {"10000"} : args)
            .mapToInt(Integer::parseInt)
            .toArray();
    Optional<String> url = Optional.ofNullable(System.getProperty(DatabaseConfig.URL_PROPERTY));
    Path dir = Files.createTempDirectory("queue-probe");
    try (Database db =
        url.isPresent()
            ? Database.open(new DatabaseConfig(url.get(), Optional.empty(), Optional.empty(), 4))
            : Database.openDataDir(dir)) {
      DataSource ds = db.dataSource();
      JdbcTriageStore store = new JdbcTriageStore(ds);
      out.printf(
          Locale.ROOT,
          "database %s, JDK %s, %d cores%n",
          url.isPresent() ? "PostgreSQL" : "H2 file " + dir,
          Runtime.version(),
          Runtime.getRuntime().availableProcessors());
      int stored = 0;
      for (int size : sizes) {
        long t0 = System.nanoTime();
        seed(ds, stored, size - stored);
        stored = size;
        out.printf(
            Locale.ROOT,
            "%n%,d triage rows (seeded in %.1f s)%n",
            size,
            (System.nanoTime() - t0) / 1e9);
        out.printf(Locale.ROOT, "%-34s %10s %10s%n", "page", "median ms", "max ms");
        probe(out, "first page, no filter", () -> QueueQuery.page(0, 25), store);
        probe(out, "page 200, no filter", () -> QueueQuery.page(200 * 25, 25), store);
        probe(
            out,
            "tier TIER_1",
            () -> new QueueQuery(java.util.Set.of(Tier.TIER_1), false, 0, 25),
            store);
        probe(
            out,
            "deadline within 7 days",
            () ->
                query(
                    Optional.of(NOW.plus(Duration.ofDays(7))), Optional.empty(), Optional.empty()),
            store);
        probe(
            out,
            "country GB",
            () -> query(Optional.empty(), Optional.of("GB"), Optional.empty()),
            store);
        probe(
            out,
            "flag highPriority",
            () -> query(Optional.empty(), Optional.empty(), Optional.of("highPriority")),
            store);
        probe(
            out,
            "tier 2 + 30 days + country CA",
            () ->
                new QueueQuery(
                    java.util.Set.of(Tier.TIER_2),
                    false,
                    Optional.of(NOW.plus(Duration.ofDays(30))),
                    Optional.of("CA"),
                    Optional.empty(),
                    0,
                    25),
            store);
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static QueueQuery query(
      Optional<Instant> deadlineBy, Optional<String> country, Optional<String> flag) {
    return new QueueQuery(java.util.Set.of(), false, deadlineBy, country, flag, 0, 25);
  }

  /** The page's three store calls, timed together. */
  private static void probe(
      PrintStream out, String name, Supplier<QueueQuery> query, JdbcTriageStore store) {
    long[] ms = new long[REPS];
    long[][] parts = new long[3][REPS];
    long matching = 0;
    for (int warm = 0; warm < 3; warm++) {
      run(store, query.get(), new long[3]);
    }
    for (int i = 0; i < REPS; i++) {
      long[] p = new long[3];
      long t = System.nanoTime();
      matching = run(store, query.get(), p);
      ms[i] = System.nanoTime() - t;
      for (int k = 0; k < 3; k++) {
        parts[k][i] = p[k];
      }
    }
    Arrays.sort(ms);
    for (long[] p : parts) {
      Arrays.sort(p);
    }
    out.printf(
        Locale.ROOT,
        "%-34s %10.2f %10.2f   catch-up %.2f, rows %.2f, summary %.2f   (%,d matching)%n",
        name,
        ms[REPS / 2] / 1e6,
        ms[REPS - 1] / 1e6,
        parts[0][REPS / 2] / 1e6,
        parts[1][REPS / 2] / 1e6,
        parts[2][REPS / 2] / 1e6,
        matching);
  }

  /** The page's three store calls; {@code parts} gets each one's nanoseconds. */
  private static long run(JdbcTriageStore store, QueueQuery q, long[] parts) {
    long t0 = System.nanoTime();
    store.unscored(AGENCY);
    long t1 = System.nanoTime();
    long matching = store.queueRows(AGENCY, q).total();
    long t2 = System.nanoTime();
    store.queueSummary(AGENCY);
    long t3 = System.nanoTime();
    parts[0] = t1 - t0;
    parts[1] = t2 - t1;
    parts[2] = t3 - t2;
    return matching;
  }

  /** {@code count} more tips with their triage rows and facets, in batches of 1,000. */
  private static void seed(DataSource ds, int from, int count) throws SQLException {
    SyntheticTips synth = new SyntheticTips(20261123L, NOW);
    List<Report> pool = new ArrayList<>();
    List<String> documents = new ArrayList<>();
    List<String> signals = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Report r = synth.next(i % 2 == 0 ? SourceFormat.ESP_XML_REPORT : SourceFormat.LE_JSON);
      pool.add(r);
      documents.add(TipJson.write(r));
      signals.add(
          TipJson.write(
              TipSignals.unchecked(
                  new Tip(
                      new TipId(i + 1L),
                      AGENCY,
                      Sha256.of(("pool-" + i).getBytes(StandardCharsets.UTF_8)),
                      NOW,
                      r))));
    }
    SplittableRandom random = new SplittableRandom(from + 7L);
    String[] countries = {"US", "CA", "GB", "DE", "MX"};
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement tip =
              c.prepareStatement(
                  "INSERT INTO tip (id, agency, format, cybertip_report_id, source_sha256,"
                      + " received_at, incident_type, file_count, reported_user_count, document)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement triage =
              c.prepareStatement(
                  "INSERT INTO triage_result (tip_id, agency, score, tier, tier_rank, deadline,"
                      + " lines, reasons, notes, signals, rules_version, computed_at, facets)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, '[]', '[]', ?, 'bench-1', ?, ?)");
          PreparedStatement facet =
              c.prepareStatement(
                  "INSERT INTO triage_facet (tip_id, agency, kind, facet) VALUES (?, ?, ?, ?)")) {
        for (int i = from; i < from + count; i++) {
          Report report = pool.get(i % pool.size());
          long id = 1_000_000_000L + i;
          tip.setLong(1, id);
          tip.setString(2, AGENCY.code());
          tip.setString(3, report.format().name());
          tip.setString(4, "9" + i);
          tip.setString(5, String.format(Locale.ROOT, "%064x", i));
          tip.setObject(6, NOW.minusSeconds(i).atOffset(ZoneOffset.UTC));
          tip.setString(7, "CHILD_PORNOGRAPHY");
          tip.setInt(8, report.files().size());
          tip.setInt(9, report.reportedUsers().size());
          tip.setString(10, documents.get(i % pool.size()));
          tip.addBatch();
          QueueFacets f = QueueFacets.of(report);
          java.util.Set<String> cs = new java.util.TreeSet<>(f.countries());
          cs.add(countries[random.nextInt(countries.length)]);
          QueueFacets facets = new QueueFacets(cs, f.flags());
          Tier tier = Tier.values()[random.nextInt(Tier.values().length)];
          int score = random.nextInt(120);
          triage.setLong(1, id);
          triage.setString(2, AGENCY.code());
          triage.setInt(3, score);
          triage.setString(4, tier.name());
          triage.setInt(5, tier.rank());
          if (random.nextInt(3) == 0) {
            triage.setNull(6, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
          } else {
            triage.setObject(
                6, NOW.plus(Duration.ofHours(random.nextInt(24 * 90))).atOffset(ZoneOffset.UTC));
          }
          triage.setString(7, TipJson.write(List.of(new ScoreLine("bench", score, "seeded"))));
          triage.setString(8, signals.get(i % pool.size()));
          triage.setObject(9, NOW.atOffset(ZoneOffset.UTC));
          triage.setString(10, TipJson.write(facets));
          triage.addBatch();
          for (String country : facets.countries()) {
            add(facet, id, "COUNTRY", country);
          }
          for (String flag : facets.flags()) {
            add(facet, id, "FLAG", flag);
          }
          if ((i - from) % 1000 == 999) {
            tip.executeBatch();
            triage.executeBatch();
            facet.executeBatch();
            c.commit();
          }
        }
        tip.executeBatch();
        triage.executeBatch();
        facet.executeBatch();
        c.commit();
      }
    }
  }

  private static void add(PreparedStatement ps, long id, String kind, String value)
      throws SQLException {
    ps.setLong(1, id);
    ps.setString(2, AGENCY.code());
    ps.setString(3, kind);
    ps.setString(4, value);
    ps.addBatch();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
