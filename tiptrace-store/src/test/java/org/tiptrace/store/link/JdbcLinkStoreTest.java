package org.tiptrace.store.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.store.test.TestReports.ip;
import static org.tiptrace.store.test.TestReports.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.link.Hold;
import org.tiptrace.link.LinkStore;
import org.tiptrace.link.Linker;
import org.tiptrace.link.ManualDecision;
import org.tiptrace.link.PersonRef;
import org.tiptrace.link.StoredSubject;
import org.tiptrace.link.SubjectId;
import org.tiptrace.link.SubjectView;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.store.test.TestReports;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.UserRole;

class JdbcLinkStoreTest {
  private static final AgencyId A = new AgencyId("icac-a");
  private static final AgencyId B = new AgencyId("icac-b");
  private static final Instant T0 = Instant.parse("2026-01-05T10:15:30.123456789Z");

  /** A tip whose one reported user was seen at the café's IP (a weak, shared identifier). */
  private static Tip insert(TestDatabase db, AgencyId agency, String name) {
    return db.tips()
        .insertIfAbsent(
            agency,
            Sha256.of(name.getBytes(StandardCharsets.UTF_8)),
            T0,
            TestReports.report()
                .reportId("4000" + name.length())
                .user(user(UserRole.REPORTED, name, ip("203.0.113.77", -1, "2026-01-04T09:00:00Z")))
                .build())
        .tip();
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void personsSubjectsDecisionsAndHoldsReadBackAsStored(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      LinkStore store = new JdbcLinkStore(db.database().dataSource());
      Tip a = insert(db, A, "cafe-guest-one");
      Tip b = insert(db, B, "cafe-guest-two");
      Linker linker = new Linker();
      for (Tip t : List.of(a, b)) {
        linker.ingest(t);
        store.recordPersons(t.agency(), t.id(), Linker.identifiers(t));
      }
      assertThat(store.linkedTips())
          .containsExactly(new LinkStore.LinkedTip(a.id(), A), new LinkStore.LinkedTip(b.id(), B));
      assertThat(store.isLinked(a.id())).isTrue();
      assertThat(store.persons(a.id())).isEqualTo(Linker.identifiers(a));

      SubjectId sa = linker.subjectsOfTip(a.id()).get(0);
      SubjectId sb = linker.subjectsOfTip(b.id()).get(0);
      store.replaceSubjects(
          List.of(StoredSubject.of(linker, sa), StoredSubject.of(linker, sb)), List.of());
      StoredSubject stored = store.subject(sa).orElseThrow();
      assertThat(stored).isEqualTo(StoredSubject.of(linker, sa));
      assertThat(stored.associations()).hasSize(1);
      assertThat(stored.associations().get(0).evidence().get(0).text())
          .startsWith("same IP address on one day 203.0.113.77");
      assertThat(stored.visibleTo(A)).isTrue();
      assertThat(stored.visibleTo(B)).isFalse();

      // A manual merge: b's subject is gone, a's holds both persons of both agencies.
      ManualDecision merge = linker.merge(sa, sb, "same person per warrant return", "det. a", T0);
      store.addDecision(A, merge);
      store.replaceSubjects(List.of(StoredSubject.of(linker, sa)), List.of(sb));
      assertThat(store.subject(sb)).isEmpty();
      PersonRef personB = new PersonRef(b.id(), UserRole.REPORTED, 0);
      assertThat(store.subjectOf(personB)).contains(sa);
      assertThat(store.subjectsOfTip(b.id())).containsExactly(sa);
      assertThat(store.subject(sa).orElseThrow().subject().members()).hasSize(2);
      assertThat(store.subjectsOf(A)).containsExactly(sa);
      assertThat(store.subjectsOf(B)).containsExactly(sa);
      assertThat(store.subjectsOf(new AgencyId("icac-none"))).isEmpty();
      assertThat(store.decisions())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.kind()).isEqualTo(ManualDecision.Kind.MERGE);
                assertThat(d.sideA()).isEqualTo(merge.sideA());
                assertThat(d.sideB()).isEqualTo(merge.sideB());
                assertThat(d.reason()).isEqualTo("same person per warrant return");
                assertThat(d.user()).isEqualTo("det. a");
                assertThat(d.at()).isEqualTo(Instant.parse("2026-01-05T10:15:30.123456Z"));
              });

      Hold hold = new Hold(B, b.id(), "B-2026-17", "desk@b.example.org", T0);
      store.addHold(hold);
      assertThat(store.holds())
          .containsExactly(
              new Hold(
                  B,
                  b.id(),
                  "B-2026-17",
                  "desk@b.example.org",
                  hold.since().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));

      // Agency A's view of the stored subject: a deconfliction notice, nothing of B's tip.
      StoredSubject merged = store.subject(sa).orElseThrow();
      SubjectView view =
          SubjectView.of(A, merged.subject(), merged.tipAgencies()::get, store.holds());
      assertThat(view.tips()).containsExactly(a.id());
      assertThat(view.otherAgencyTips()).isEqualTo(1);
      assertThat(view.deconfliction())
          .singleElement()
          .satisfies(
              n ->
                  assertThat(n.message())
                      .isEqualTo(
                          "deconfliction: contact agency icac-b, case B-2026-17"
                              + " (desk@b.example.org)"));
      assertThat(String.join(" ", view.evidence())).doesNotContain(b.id().toString() + " ");
      assertThat(Set.copyOf(store.linkedTips()).size()).isEqualTo(2);
    }
  }
}
