package org.tiptrace.store.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.synth.SyntheticTips;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.EstimatedLocation;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.TriState;
import org.tiptrace.triage.QueueFacets;
import org.tiptrace.triage.ScoreLine;
import org.tiptrace.triage.StoredTriage;
import org.tiptrace.triage.Tier;
import org.tiptrace.triage.TipSignals;
import org.tiptrace.triage.TriageQueue;
import org.tiptrace.triage.TriageResult;
import org.tiptrace.triage.TriageStore.QueueQuery;
import org.tiptrace.triage.TriageStore.QueueRow;
import org.tiptrace.triage.TriageStore.QueueSummary;

/**
 * The queue's filters, order and paging in SQL give exactly what the in-memory path gave: every
 * stored result with its tip's facets, filtered by {@link QueueQuery#matches}, sorted by {@link
 * TriageQueue#ORDER} and cut into pages. On a seeded queue of synthetic tips with tied scores and
 * deadlines, on H2 and PostgreSQL; and a page costs the same few statements at any queue size.
 */
class QueueQueryTest {
  private static final AgencyId A = new AgencyId("icac-q");
  private static final AgencyId B = new AgencyId("icac-qb");
  private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
  private static final long SEED = 20261123L;

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void sqlFiltersOrderAndPagesLikeTheInMemoryPath(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      JdbcTriageStore store = new JdbcTriageStore(db.database().dataSource());
      Map<TipId, QueueFacets> facets = new HashMap<>();
      seed(db, store, A, 240, facets, SEED);
      seed(db, store, B, 30, new HashMap<>(), SEED + 1); // another agency: never shown to A
      assertThat(store.unscored(A)).isEmpty();

      List<StoredTriage> all = store.all(A);
      QueueSummary summary = store.queueSummary(A);
      assertThat(summary.total()).isEqualTo(240);
      Set<String> countries = new TreeSet<>();
      Set<String> flags = new TreeSet<>();
      facets.values().forEach(f -> countries.addAll(f.countries()));
      facets.values().forEach(f -> flags.addAll(f.flags()));
      assertThat(summary.countries()).isEqualTo(countries);
      assertThat(summary.flags()).isEqualTo(flags);
      assertThat(countries).as("the seeded queue has countries to filter on").hasSizeGreaterThan(1);
      assertThat(flags).as("the seeded queue has flags to filter on").hasSizeGreaterThan(1);

      List<QueueQuery> queries = new ArrayList<>();
      queries.add(QueueQuery.page(0, 25));
      queries.add(QueueQuery.page(25, 25));
      queries.add(QueueQuery.page(230, 25));
      queries.add(QueueQuery.page(500, 25)); // past the end
      for (Tier t : Tier.values()) {
        queries.add(new QueueQuery(Set.of(t), false, 0, 25));
      }
      queries.add(new QueueQuery(EnumSet.of(Tier.TIER_1, Tier.TIER_3), true, 5, 30));
      Instant now = T0;
      for (int days : new int[] {1, 7, 30}) {
        queries.add(withinDays(now, days, Optional.empty(), Optional.empty()));
      }
      for (String c : countries) {
        queries.add(withinDays(now, 3650, Optional.of(c), Optional.empty()).at(0, 25));
        queries.add(
            new QueueQuery(
                Set.of(), false, Optional.empty(), Optional.of(c), Optional.empty(), 0, 25));
      }
      for (String f : flags) {
        queries.add(
            new QueueQuery(
                Set.of(), false, Optional.empty(), Optional.empty(), Optional.of(f), 0, 25));
        queries.add(
            new QueueQuery(
                Set.of(Tier.TIER_2),
                false,
                Optional.of(now.plus(Duration.ofDays(14))),
                countries.stream().findFirst(),
                Optional.of(f),
                0,
                25));
      }
      queries.add(
          new QueueQuery(
              Set.of(), false, Optional.empty(), Optional.of("ZZ"), Optional.empty(), 0, 25));

      for (QueueQuery q : queries) {
        List<TriageResult> expected =
            all.stream()
                .map(StoredTriage::result)
                .filter(r -> q.matches(r, facets.get(r.tip())))
                .sorted(TriageQueue.ORDER)
                .toList();
        Page<QueueRow> page = store.queueRows(A, q);
        List<TipId> want =
            expected
                .subList(
                    Math.min(q.offset(), expected.size()),
                    Math.min(q.offset() + q.limit(), expected.size()))
                .stream()
                .map(TriageResult::tip)
                .toList();
        assertThat(page.items().stream().map(r -> r.triage().result().tip()).toList())
            .as("%s on %s", q, backend)
            .isEqualTo(want);
        assertThat(page.total()).as("matching count of %s", q).isEqualTo(expected.size());
        for (QueueRow row : page.items()) {
          assertThat(row.facets()).isEqualTo(facets.get(row.triage().result().tip()));
        }
      }
      // The API's page path reads the same rows.
      assertThat(
              store.queue(A, QueueQuery.page(0, 25)).items().stream()
                  .map(s -> s.result().tip())
                  .toList())
          .isEqualTo(
              store.queueRows(A, QueueQuery.page(0, 25)).items().stream()
                  .map(r -> r.triage().result().tip())
                  .toList());
    }
  }

  /** Results stored before V12 have no facets; the catch-up completes them from the documents. */
  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void resultsStoredWithoutFacetsAreCompletedByTheCatchUp(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      DataSource ds = db.database().dataSource();
      JdbcTriageStore store = new JdbcTriageStore(ds);
      Map<TipId, QueueFacets> facets = new HashMap<>();
      seed(db, store, A, 20, facets, SEED + 2);
      try (Connection c = ds.getConnection();
          var st = c.createStatement()) {
        st.executeUpdate("DELETE FROM triage_facet");
        st.executeUpdate("UPDATE triage_result SET facets = NULL");
      }
      assertThat(store.queueSummary(A).countries()).isEmpty();

      assertThat(store.unscored(A)).as("every tip has a result").isEmpty();

      for (QueueRow row : store.queueRows(A, QueueQuery.page(0, 25)).items()) {
        assertThat(row.facets()).isEqualTo(facets.get(row.triage().result().tip()));
      }
      assertThat(store.queueSummary(A).countries()).isNotEmpty();
    }
  }

  /**
   * A page costs the same statements at 40 and at 400 stored results: the catch-up check, the
   * ordered ids with their count, the rows, the summary.
   */
  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aPageCostsTheSameStatementsAtAnyQueueSize(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      AtomicInteger statements = new AtomicInteger();
      DataSource counted = counting(db.database().dataSource(), statements);
      JdbcTriageStore store = new JdbcTriageStore(counted);
      Map<TipId, QueueFacets> facets = new HashMap<>();
      seed(db, store, A, 40, facets, SEED + 3);
      int small = pageStatements(store, statements);
      seed(db, store, A, 360, facets, SEED + 4);
      int large = pageStatements(store, statements);

      assertThat(small).isEqualTo(large).isLessThanOrEqualTo(4);
    }
  }

  /** Statements of what the queue page runs: the catch-up check, one filtered page, the summary. */
  private static int pageStatements(JdbcTriageStore store, AtomicInteger statements) {
    statements.set(0);
    store.unscored(A);
    store.queueRows(
        A,
        new QueueQuery(
            Set.of(Tier.TIER_2, Tier.TIER_3),
            false,
            Optional.of(T0.plus(Duration.ofDays(30))),
            Optional.empty(),
            Optional.empty(),
            0,
            25));
    store.queueSummary(A);
    return statements.get();
  }

  private static QueueQuery withinDays(
      Instant now, int days, Optional<String> country, Optional<String> flag) {
    return new QueueQuery(
        Set.of(), false, Optional.of(now.plus(Duration.ofDays(days))), country, flag, 0, 50);
  }

  /**
   * Synthetic tips (their reports name countries and carry annotations) with seeded results: few
   * distinct scores and deadlines, so ties exercise the whole order.
   */
  private static void seed(
      TestDatabase db,
      JdbcTriageStore store,
      AgencyId agency,
      int count,
      Map<TipId, QueueFacets> facets,
      long seed) {
    SyntheticTips synth = new SyntheticTips(seed, T0);
    Random random = new Random(seed);
    for (int i = 0; i < count; i++) {
      Report report =
          withCountry(
              synth.next(i % 3 == 0 ? SourceFormat.LE_JSON : SourceFormat.ESP_XML_REPORT),
              List.of("", "CA", "GB", "DE", "US").get(random.nextInt(5)));
      Tip tip =
          db.tips()
              .insertIfAbsent(
                  agency,
                  Sha256.of(
                      ("queue-" + agency + "-" + seed + "-" + i)
                          .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                  T0.minusSeconds(i),
                  report)
              .tip();
      Tier tier = Tier.values()[random.nextInt(Tier.values().length)];
      int score = 10 * random.nextInt(6);
      Optional<Instant> deadline =
          random.nextInt(3) == 0
              ? Optional.empty()
              : Optional.of(T0.plus(Duration.ofDays(random.nextInt(40) - 5)));
      TriageResult r =
          new TriageResult(
              tip.id(),
              agency,
              score,
              tier,
              List.of(new ScoreLine("files.count", score, "seeded")),
              List.of("seeded " + i),
              List.of(),
              deadline,
              "test-1");
      store.replace(new StoredTriage(r, TipSignals.unchecked(tip), T0));
      facets.put(tip.id(), QueueFacets.of(tip.report()));
    }
  }

  /**
   * The report with its first reported user's estimated location in {@code country} (the synthetic
   * tips all point to one country; the filter needs several). Blank: unchanged.
   */
  private static Report withCountry(Report report, String country) {
    if (country.isEmpty() || report.reportedUsers().isEmpty()) {
      return report;
    }
    try {
      ObjectNode tree = (ObjectNode) TipJson.mapper().readTree(TipJson.write(report));
      ObjectNode user = (ObjectNode) tree.withArray("reportedUsers").get(0);
      user.set(
          "estimatedLocation",
          TipJson.mapper()
              .readTree(
                  TipJson.write(
                      new EstimatedLocation(
                          Optional.empty(),
                          Optional.empty(),
                          Optional.of(country),
                          TriState.UNKNOWN,
                          Optional.empty()))));
      return TipJson.readReport(TipJson.mapper().writeValueAsString(tree));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static DataSource counting(DataSource ds, AtomicInteger statements) {
    return (DataSource)
        Proxy.newProxyInstance(
            QueueQueryTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(ds, method, args);
              if (result instanceof Connection c) {
                return Proxy.newProxyInstance(
                    QueueQueryTest.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (p, m, a) -> {
                      if (m.getName().equals("prepareStatement")
                          || m.getName().equals("createStatement")
                          || m.getName().equals("prepareCall")) {
                        statements.incrementAndGet();
                      }
                      return invoke(c, m, a);
                    });
              }
              return result;
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
