package org.tiptrace.app.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.link.TestTips.file;
import static org.tiptrace.link.TestTips.recipient;
import static org.tiptrace.link.TestTips.report;
import static org.tiptrace.link.TestTips.user;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.app.testing.InMemoryBackend;
import org.tiptrace.link.LinkStore;
import org.tiptrace.link.StoredSubject;
import org.tiptrace.link.SubjectId;
import org.tiptrace.link.SubjectView;
import org.tiptrace.link.TestTips;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.FileAnnotation;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TriState;
import org.tiptrace.triage.HashVerdictSource;
import org.tiptrace.triage.ScoreLine;
import org.tiptrace.triage.StoredTriage;
import org.tiptrace.triage.Tier;
import org.tiptrace.triage.TriageRules;
import org.tiptrace.triage.TriageStore.QueueQuery;

/** Issue 5's acceptance scenarios on the persisted, incremental path (H2 and PostgreSQL). */
class LinkTriageServiceTest {
  private static final AgencyId A = new AgencyId("icac-a");
  private static final AgencyId B = new AgencyId("icac-b");
  private static final Instant NOW = Instant.parse("2026-01-10T09:00:00Z");
  private static final String MEME = "9e107d9d372bb6826bd81d3542a419d6";

  private static LinkTriageService service(InMemoryBackend backend) {
    return LinkTriageService.of(
        backend,
        HashVerdictSource.notChecked(),
        TriageRules.defaults(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static int counter;

  /** Stores the report as a new tip of the agency and runs the step on it. */
  private static Tip ingest(
      InMemoryBackend backend, LinkTriageService service, AgencyId agency, Report report) {
    Tip tip =
        backend
            .tips()
            .insertIfAbsent(
                agency,
                Sha256.of(("doc-" + (++counter)).getBytes(StandardCharsets.UTF_8)),
                NOW.plusSeconds(counter),
                report)
            .tip();
    new LinkTriageStep(service).changed(agency, tip.id());
    return tip;
  }

  private static SubjectId subjectOf(InMemoryBackend backend, Tip tip) {
    return backend.linkStore().subjectsOfTip(tip.id()).get(0);
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void samePhoneAcrossTwoEspsIsOneSubjectAndAnotherAgencysHoldIsOnlyANotice(TestBackend db) {
    try (InMemoryBackend backend = new InMemoryBackend(db)) {
      LinkTriageService service = service(backend);
      Tip a =
          ingest(
              backend,
              service,
              A,
              report()
                  .reported(user("Demo Social", "night-owl").phone("202-555-0178", TriState.TRUE))
                  .file(file("aa11"))
                  .build());
      Tip b =
          ingest(
              backend,
              service,
              B,
              report()
                  .reported(
                      user("Example Photos", "owl-2026").phone("+1 (202) 555-0178", TriState.TRUE))
                  .file(file("bb22"))
                  .build());
      SubjectId id = subjectOf(backend, a);
      assertThat(subjectOf(backend, b)).isEqualTo(id);
      StoredSubject stored = backend.linkStore().subject(id).orElseThrow();
      assertThat(stored.subject().tips()).containsExactly(a.id(), b.id());
      assertThat(stored.subject().evidence().get(0).text())
          .isEqualTo("same phone +12025550178 in tips " + a.id() + " and " + b.id());

      // The later tip is scored with the earlier one as a prior tip, across agencies.
      StoredTriage tb = backend.triageStore().find(B, b.id()).orElseThrow();
      assertThat(tb.signals().link().priorTips()).isEqualTo(1);
      assertThat(tb.result().lines()).extracting(ScoreLine::rule).contains("subject.priorTips");

      service.holdTip(B, b.id(), "B-2026-0042", "desk@icac-b.example.org");
      StoredSubject after = backend.linkStore().subject(id).orElseThrow();
      SubjectView forA =
          SubjectView.of(A, after.subject(), after.tipAgencies()::get, backend.linkStore().holds());
      assertThat(forA.tips()).containsExactly(a.id());
      assertThat(forA.otherAgencyTips()).isEqualTo(1);
      assertThat(forA.evidence())
          .containsExactly(
              "same phone +12025550178 in tip " + a.id() + " and 1 tip of other agencies");
      assertThat(forA.deconfliction())
          .singleElement()
          .satisfies(
              n ->
                  assertThat(n.message())
                      .isEqualTo(
                          "deconfliction: contact agency icac-b, case B-2026-0042"
                              + " (desk@icac-b.example.org)"));

      // A new process rebuilds from the store and keeps linking incrementally.
      LinkTriageService restarted = service(backend);
      Tip c =
          ingest(
              backend,
              restarted,
              A,
              report()
                  .reported(user("Example Chat", "owl-three").phone("2025550178", TriState.TRUE))
                  .build());
      assertThat(subjectOf(backend, c)).isEqualTo(id);
      assertThat(backend.linkStore().subject(id).orElseThrow().subject().tips()).hasSize(3);
      assertThat(backend.triageStore().find(A, c.id()).orElseThrow().signals().link().priorTips())
          .isEqualTo(2);
      assertThat(backend.linkStore().linkedTips())
          .extracting(LinkStore.LinkedTip::tip)
          .containsExactly(a.id(), b.id(), c.id());
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void sharedCafeIpIsAnAssociationNotAMerge(TestBackend db) {
    try (InMemoryBackend backend = new InMemoryBackend(db)) {
      LinkTriageService service = service(backend);
      Instant visit = Instant.parse("2026-01-04T15:00:00Z");
      Tip a =
          ingest(
              backend,
              service,
              A,
              report().reported(user("Demo Social", "latte").ip("198.51.100.80", visit)).build());
      Tip b =
          ingest(
              backend,
              service,
              A,
              report()
                  .reported(
                      user("Example Chat", "espresso").ip("198.51.100.80", visit.plusSeconds(900)))
                  .build());
      SubjectId sa = subjectOf(backend, a);
      SubjectId sb = subjectOf(backend, b);
      assertThat(sa).isNotEqualTo(sb);
      StoredSubject stored = backend.linkStore().subject(sa).orElseThrow();
      assertThat(stored.subject().members()).hasSize(1);
      assertThat(stored.associations())
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.other()).isEqualTo(sb);
                assertThat(x.evidence().get(0).text())
                    .isEqualTo(
                        "same IP address on one day 198.51.100.80 on 2026-01-04 in tips "
                            + a.id()
                            + " and "
                            + b.id());
              });
      assertThat(backend.triageStore().find(A, b.id()).orElseThrow().signals().link().priorTips())
          .isZero();
    }
  }

  /**
   * 500 unrelated accounts share one meme: every tip ends informational once the file has spread,
   * the early ones too (re-scored when the spread reached the threshold), except the sharer who
   * also sent files to a 13-year-old. Every stored explanation sums to its score.
   */
  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void memeSharedBy500IsInformationalExceptTheSharerWhoSentFilesToAMinor(TestBackend db) {
    try (InMemoryBackend backend = new InMemoryBackend(db)) {
      LinkTriageService service = service(backend);
      List<Tip> tips = new ArrayList<>();
      Tip special = null;
      for (int i = 1; i <= 500; i++) {
        TestTips.ReportBuilder r =
            report()
                .reported(
                    user(i % 2 == 0 ? "Demo Social" : "Example Photos", "acct-" + i)
                        .phone(
                            "+1 202 555 " + String.format(Locale.ROOT, "%04d", i), TriState.TRUE));
        switch (i % 3) {
          case 0 -> r.file(file(MEME).flag(FileAnnotation.POTENTIAL_MEME, FileAnnotation.VIRAL));
          case 1 -> r.batchedMeme().file(file(MEME));
          default -> r.file(file(MEME));
        }
        if (i == 250) {
          r.recipient(recipient("Demo Social", "kid-1").age(13));
        }
        Tip t = ingest(backend, service, A, r.build());
        tips.add(t);
        if (i == 250) {
          special = t;
        }
      }
      Page<StoredTriage> queue =
          backend.triageStore().queue(A, new QueueQuery(Set.of(), false, 0, 500));
      assertThat(queue.total()).isEqualTo(500);
      assertThat(queue.items().get(0).result().tip()).isEqualTo(special.id());
      assertThat(queue.items().get(0).result().tier()).isEqualTo(Tier.TIER_2);
      for (StoredTriage s : queue.items()) {
        int sum = s.result().lines().stream().mapToInt(ScoreLine::points).sum();
        assertThat(sum).as("explanation of tip %s", s.result().tip()).isEqualTo(s.result().score());
        if (!s.result().tip().equals(special.id())) {
          assertThat(s.result().tier())
              .as("tip %s", s.result().tip())
              .isEqualTo(Tier.INFORMATIONAL);
        }
      }
      TipId first = tips.get(1).id(); // the file only spread: informational through re-scoring
      assertThat(backend.triageStore().find(A, first).orElseThrow().result().reasons())
          .anyMatch(x -> x.contains("no other indicator of risk"));
      assertThat(
              backend
                  .triageStore()
                  .queue(A, new QueueQuery(Set.of(Tier.INFORMATIONAL), false, 0, 1))
                  .total())
          .isEqualTo(499);
    }
  }

  /** Issue 5: chained merges of different households are refused with a reason, persisted. */
  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aChainOfSharedPhonesIsRefusedAndAManualMergeIsRecorded(TestBackend db) {
    try (InMemoryBackend backend = new InMemoryBackend(db)) {
      LinkTriageService service = service(backend);
      List<Tip> tips = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        TestTips.UserBuilder u = user("Demo Social", "house-" + i);
        if (i > 1) {
          u.phone("202-555-01" + (10 + i - 1), TriState.TRUE);
        }
        if (i < 5) {
          u.phone("202-555-01" + (10 + i), TriState.TRUE);
        }
        tips.add(ingest(backend, service, A, report().reported(u).build()));
      }
      SubjectId chain = subjectOf(backend, tips.get(0));
      SubjectId last = subjectOf(backend, tips.get(4));
      assertThat(chain).isNotEqualTo(last);
      assertThat(backend.linkStore().subject(last).orElseThrow().subject().reviewFlags())
          .singleElement()
          .satisfies(f -> assertThat(f).startsWith("merge refused: same phone +12025550114"));

      service.merge(A, "det. example", chain, last, "one household member, confirmed on site");
      assertThat(backend.linkStore().subject(last)).isEmpty();
      assertThat(backend.linkStore().subject(chain).orElseThrow().subject().members()).hasSize(5);
      assertThat(backend.linkStore().decisions())
          .singleElement()
          .satisfies(d -> assertThat(d.user()).isEqualTo("det. example"));
      assertThat(
              org.assertj.core.api.Assertions.catchThrowable(
                  () -> service.merge(B, "det. b", chain, last, "not ours")))
          .isInstanceOf(LinkTriageService.Refused.class)
          .satisfies(e -> assertThat(((LinkTriageService.Refused) e).notFound()).isTrue());
    }
  }
}
