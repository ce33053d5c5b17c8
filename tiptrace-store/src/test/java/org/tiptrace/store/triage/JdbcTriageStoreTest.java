package org.tiptrace.store.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.store.test.TestReports.ip;
import static org.tiptrace.store.test.TestReports.md5;
import static org.tiptrace.store.test.TestReports.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.link.Linker;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.store.test.TestReports;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.UserRole;
import org.tiptrace.triage.AttributionStatus;
import org.tiptrace.triage.IpSignal;
import org.tiptrace.triage.ScoreLine;
import org.tiptrace.triage.StoredTriage;
import org.tiptrace.triage.Tier;
import org.tiptrace.triage.TipSignals;
import org.tiptrace.triage.Triage;
import org.tiptrace.triage.TriageQueue;
import org.tiptrace.triage.TriageResult;
import org.tiptrace.triage.TriageRules;
import org.tiptrace.triage.TriageStore;
import org.tiptrace.triage.TriageStore.QueueQuery;

class JdbcTriageStoreTest {
  private static final AgencyId A = new AgencyId("icac-a");
  private static final AgencyId B = new AgencyId("icac-b");
  private static final Instant T0 = Instant.parse("2026-01-05T10:15:30.123456Z");

  private static Tip insert(TestDatabase db, AgencyId agency, String name) {
    return db.tips()
        .insertIfAbsent(
            agency,
            Sha256.of(name.getBytes(StandardCharsets.UTF_8)),
            T0,
            TestReports.report()
                .reportId("5000" + name.length())
                .user(user(UserRole.REPORTED, name, ip("198.51.100.23", 61022, null)))
                .file(TestReports.file("a.jpg", md5("0123456789abcdef0123456789abcdef")))
                .build())
        .tip();
  }

  /** A result with the given tier, score and deadline: one line, so it sums. */
  private static StoredTriage result(Tip tip, Tier tier, int score, Optional<Instant> deadline) {
    TriageResult r =
        new TriageResult(
            tip.id(),
            tip.agency(),
            score,
            tier,
            List.of(new ScoreLine("files.count", score, "1 file in the report")),
            List.of("reason " + score),
            List.of("1 file not checked against hash sets"),
            deadline,
            "test-1");
    return new StoredTriage(r, TipSignals.unchecked(tip), T0);
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aScoredTipReadsBackWithItsSignalsAndIsReplaced(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      TriageStore store = new JdbcTriageStore(db.database().dataSource());
      Tip tip = insert(db, A, "one");
      Linker linker = new Linker();
      linker.ingest(tip);
      TipSignals signals =
          TipSignals.unchecked(tip)
              .withLink(linker.signals(tip.id()))
              .withIps(
                  List.of(
                      new IpSignal(
                          "198.51.100.23",
                          AttributionStatus.ATTRIBUTABLE,
                          Optional.of(Instant.parse("2026-03-01T00:00:00Z")))));
      TriageResult r = Triage.score(tip, signals, TriageRules.defaults());
      store.replace(new StoredTriage(r, signals, T0));
      StoredTriage back = store.find(A, tip.id()).orElseThrow();
      assertThat(back.result()).isEqualTo(r);
      assertThat(back.signals()).isEqualTo(signals);
      assertThat(back.computedAt()).isEqualTo(T0);
      assertThat(store.find(B, tip.id())).as("another agency's tip").isEmpty();

      store.replace(result(tip, Tier.TIER_4, 3, Optional.empty()));
      assertThat(store.find(A, tip.id()).orElseThrow().result().score()).isEqualTo(3);
      assertThat(store.all(A)).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void theQueueIsTierThenDeadlineNoneLastThenScoreThenTipPagedAndFiltered(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      TriageStore store = new JdbcTriageStore(db.database().dataSource());
      Instant soon = Instant.parse("2026-02-01T00:00:00Z");
      Instant later = Instant.parse("2026-04-01T00:00:00Z");
      List<StoredTriage> all =
          List.of(
              result(insert(db, A, "t1"), Tier.TIER_2, 40, Optional.empty()),
              result(insert(db, A, "t2-"), Tier.TIER_2, 30, Optional.of(later)),
              result(insert(db, A, "t3--"), Tier.TIER_2, 20, Optional.of(soon)),
              result(insert(db, A, "t4---"), Tier.TIER_1, 90, Optional.empty()),
              result(insert(db, A, "t5----"), Tier.INFORMATIONAL, 70, Optional.empty()),
              result(insert(db, A, "t6-----"), Tier.TIER_2, 40, Optional.empty()),
              result(insert(db, B, "other"), Tier.TIER_1, 99, Optional.empty()));
      all.forEach(store::replace);
      List<TipId> expected =
          all.stream()
              .map(StoredTriage::result)
              .filter(r -> r.agency().equals(A))
              .sorted(TriageQueue.ORDER)
              .map(TriageResult::tip)
              .toList();
      Page<StoredTriage> first = store.queue(A, new QueueQuery(Set.of(), false, 0, 4));
      Page<StoredTriage> second = store.queue(A, new QueueQuery(Set.of(), false, 4, 4));
      assertThat(first.total()).isEqualTo(6);
      assertThat(
              java.util.stream.Stream.concat(first.items().stream(), second.items().stream())
                  .map(s -> s.result().tip())
                  .toList())
          .isEqualTo(expected);
      assertThat(first.items().get(0).result().tier()).isEqualTo(Tier.TIER_1);
      assertThat(first.items().get(1).result().deadline()).contains(soon);

      Page<StoredTriage> informational =
          store.queue(A, new QueueQuery(Set.of(Tier.INFORMATIONAL), false, 0, 10));
      assertThat(informational.total()).isEqualTo(1);
      assertThat(informational.items().get(0).result().score()).isEqualTo(70);
      Page<StoredTriage> perishable = store.queue(A, new QueueQuery(Set.of(), true, 0, 10));
      assertThat(perishable.items())
          .extracting(s -> s.result().deadline().orElseThrow())
          .containsExactly(soon, later);
    }
  }
}
