package org.tiptrace.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tiptrace.link.TestTips.T0;
import static org.tiptrace.link.TestTips.file;
import static org.tiptrace.link.TestTips.report;
import static org.tiptrace.link.TestTips.tip;
import static org.tiptrace.link.TestTips.user;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.FileAnnotation;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TriState;
import org.tiptrace.tip.UserRole;

class LinkerTest {
  private static final Instant DECIDED = Instant.parse("2026-02-01T09:30:00Z");

  private static PersonRef reported(long tip) {
    return new PersonRef(new TipId(tip), UserRole.REPORTED, 0);
  }

  @Test
  void samePhoneAcrossTwoEspsMonthsApartIsOneSubjectWithEvidence() {
    Linker linker = new Linker();
    linker.ingest(
        tip(
            12,
            report()
                .reported(user("Example Photos", "88001").phone("+1 202 555 0178", TriState.TRUE))
                .build()));
    LinkResult r =
        linker.ingest(
            tip(
                40,
                "ICAC-A",
                T0.plus(Duration.ofDays(120)),
                report()
                    .reported(
                        user("Demo Social", "u-4471").phone("(202) 555-0178", TriState.UNKNOWN))
                    .build()));

    assertThat(r.persons().get(0).subject()).isEqualTo(new SubjectId(reported(12)));
    Subject s = linker.subject(new SubjectId(reported(12)));
    assertThat(s.members()).containsExactly(reported(12), reported(40));
    assertThat(s.evidence())
        .extracting(Evidence::text)
        .containsExactly("same phone +12025550178 in tips 12 and 40");
  }

  @Test
  void sharedCafeIpIsAnAssociationNeverAMerge() {
    Linker linker = new Linker();
    Instant morning = T0;
    linker.ingest(
        tip(
            1,
            report()
                .reported(
                    user("Example Chat", "a1")
                        .phone("202-555-0110", TriState.TRUE)
                        .ip("192.0.2.10", morning))
                .build()));
    linker.ingest(
        tip(
            2,
            report()
                .reported(
                    user("Example Chat", "b2")
                        .phone("202-555-0111", TriState.TRUE)
                        .ip("192.0.2.10", morning.plus(Duration.ofHours(3))))
                .build()));

    assertThat(linker.subjectOf(reported(1))).isNotEqualTo(linker.subjectOf(reported(2)));
    List<Association> a = linker.associations(linker.subjectOf(reported(1)));
    assertThat(a).hasSize(1);
    assertThat(a.get(0).other()).isEqualTo(linker.subjectOf(reported(2)));
    assertThat(a.get(0).evidence())
        .extracting(Evidence::text)
        .containsExactly("same IP address on one day 192.0.2.10 on 2026-01-05 in tips 1 and 2");
  }

  @Test
  void ipEvidenceNeverChangesThePartition() {
    // Many households behind few addresses: linking with and without the IPs gives the same
    // subjects.
    Random random = new Random(42);
    List<Tip> withIp = new ArrayList<>();
    List<Tip> withoutIp = new ArrayList<>();
    for (int i = 1; i <= 400; i++) {
      String phone = "+1202555" + (100 + random.nextInt(60));
      String ip = "198.51.100." + (1 + random.nextInt(5));
      Instant at = T0.plus(Duration.ofHours(random.nextInt(48)));
      withIp.add(
          tip(
              i,
              report()
                  .reported(user("Example Chat", "x" + i).phone(phone, TriState.TRUE).ip(ip, at))
                  .build()));
      withoutIp.add(
          tip(
              i,
              report()
                  .reported(user("Example Chat", "x" + i).phone(phone, TriState.TRUE))
                  .build()));
    }
    List<List<PersonRef>> a =
        Linker.rebuild(withIp, List.of(), List.of()).subjects().stream()
            .map(Subject::members)
            .toList();
    List<List<PersonRef>> b =
        Linker.rebuild(withoutIp, List.of(), List.of()).subjects().stream()
            .map(Subject::members)
            .toList();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void aVerifiedEmailDoesNotMergeWithTheSameAddressTypedUnverified() {
    Linker linker = new Linker();
    linker.ingest(
        tip(
            1,
            report().reported(user("Example Chat", "a").email("owl@example.com", true)).build()));
    linker.ingest(
        tip(
            2,
            report().reported(user("Demo Social", "b").email("OWL@example.com", false)).build()));
    assertThat(linker.subjectOf(reported(1))).isNotEqualTo(linker.subjectOf(reported(2)));
    assertThat(linker.associations(linker.subjectOf(reported(1)))).hasSize(1);
  }

  @Test
  void theSameTipsInAnyOrderGiveTheSameSubjects() {
    long seed = 20261122L;
    List<Tip> tips = SyntheticWorld.tips(seed, 1500);
    List<Subject> expected = Linker.rebuild(tips, List.of(), List.of()).subjects();
    assertThat(expected.size()).isLessThan(tips.size());
    for (int round = 0; round < 3; round++) {
      List<Tip> shuffled = new ArrayList<>(tips);
      Collections.shuffle(shuffled, new Random(seed + round));
      Linker linker = new Linker();
      shuffled.forEach(linker::ingest);
      assertThat(linker.subjects()).as("seed %d round %d", seed, round).isEqualTo(expected);
    }
  }

  @Test
  void manualSplitIsRecordedAndSurvivesRelinkingAndNewTips() {
    Linker linker = new Linker();
    linker.ingest(
        tip(
            1,
            report()
                .reported(user("Example Chat", "a").device("IMEI", "490154203237518"))
                .build()));
    linker.ingest(
        tip(
            2,
            report()
                .reported(
                    user("Demo Social", "b")
                        .device("IMEI", "490154203237518")
                        .phone("202-555-0150", TriState.TRUE))
                .build()));
    SubjectId joined = linker.subjectOf(reported(1));
    assertThat(linker.subjectOf(reported(2))).isEqualTo(joined);

    ManualDecision d =
        linker.split(
            joined, Set.of(reported(2)), "second-hand phone, sold 2025-11", "det.alice", DECIDED);
    assertThat(linker.subjectOf(reported(2))).isNotEqualTo(linker.subjectOf(reported(1)));
    assertThat(linker.subject(linker.subjectOf(reported(2))).evidence())
        .extracting(Evidence::text)
        .contains(
            "manual split by det.alice at 2026-02-01T09:30:00Z: second-hand phone, sold 2025-11");
    // The shared device is still visible, as an association.
    assertThat(linker.associations(linker.subjectOf(reported(1))).get(0).evidence().get(0).text())
        .endsWith("(kept apart by a manual split)");

    // A new tip with both identifiers cannot pull the split persons together again.
    linker.ingest(
        tip(
            3,
            report()
                .reported(
                    user("Sample Drive", "c")
                        .device("IMEI", "490154203237518")
                        .phone("202-555-0150", TriState.TRUE))
                .build()));
    assertThat(linker.subjectOf(reported(2))).isNotEqualTo(linker.subjectOf(reported(1)));

    // Re-linking from scratch, in another order, gives the same subjects.
    List<Tip> all =
        List.of(
            tip(
                3,
                report()
                    .reported(
                        user("Sample Drive", "c")
                            .device("IMEI", "490154203237518")
                            .phone("202-555-0150", TriState.TRUE))
                    .build()),
            tip(
                2,
                report()
                    .reported(
                        user("Demo Social", "b")
                            .device("IMEI", "490154203237518")
                            .phone("202-555-0150", TriState.TRUE))
                    .build()),
            tip(
                1,
                report()
                    .reported(user("Example Chat", "a").device("IMEI", "490154203237518"))
                    .build()));
    Linker rebuilt = Linker.rebuild(all, linker.decisions(), linker.holds());
    assertThat(rebuilt.subjects()).isEqualTo(linker.subjects());
    assertThat(d.kind()).isEqualTo(ManualDecision.Kind.SPLIT);
  }

  @Test
  void manualMergeCarriesItsReasonAndIsRefusedAcrossASplit() {
    Linker linker = new Linker();
    linker.ingest(tip(1, report().reported(user("Example Chat", "a")).build()));
    linker.ingest(tip(2, report().reported(user("Demo Social", "b")).build()));
    linker.ingest(tip(3, report().reported(user("Sample Drive", "c")).build()));
    SubjectId s1 = linker.subjectOf(reported(1));
    linker.merge(
        s1,
        linker.subjectOf(reported(2)),
        "same person per search warrant return",
        "det.bob",
        DECIDED);
    assertThat(linker.subjectOf(reported(2))).isEqualTo(s1);
    assertThat(linker.subject(s1).evidence())
        .extracting(Evidence::text)
        .containsExactly(
            "manual merge by det.bob at 2026-02-01T09:30:00Z: same person per search warrant return");
    linker.split(
        s1,
        Set.of(reported(2)),
        "warrant return was for another account",
        "det.bob",
        DECIDED.plusSeconds(60));
    assertThat(linker.subjectOf(reported(2))).isNotEqualTo(s1);
    assertThatThrownBy(
            () ->
                linker.merge(
                    s1,
                    linker.subjectOf(reported(2)),
                    "again",
                    "det.eve",
                    DECIDED.plusSeconds(120)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kept apart by manual split by det.bob");
  }

  @Test
  void deconflictionTellsWhoToCallAndNothingElse() {
    Linker linker = new Linker();
    Tip held =
        tip(
            7001,
            "ICAC-NORTH",
            T0,
            report()
                .reported(
                    user("Example Games", "gamer-9")
                        .device("Advertising ID", "6f1c2e3a-9b8d-4e7f-a1b2-c3d4e5f60718")
                        .email("secret.handle@example.org", true))
                .build());
    linker.ingest(held);
    linker.hold(
        new Hold(
            new AgencyId("ICAC-NORTH"),
            held.id(),
            "N-2026-0042",
            "Det. Sample, +1 202 555 0199",
            T0));

    Tip incoming =
        tip(
            8002,
            "ICAC-SOUTH",
            T0.plus(Duration.ofDays(30)),
            report()
                .reported(
                    user("Demo Social", "dm-1")
                        .device("Advertising ID", "6F1C2E3A-9B8D-4E7F-A1B2-C3D4E5F60718"))
                .build());
    LinkResult r = linker.ingest(incoming);

    assertThat(r.deconfliction()).hasSize(1);
    String message = r.deconfliction().get(0).message();
    assertThat(message)
        .isEqualTo(
            "deconfliction: contact agency ICAC-NORTH, case N-2026-0042 (Det. Sample, +1 202 555 0199)");
    assertThat(message)
        .doesNotContain("7001", "gamer", "Example Games", "secret.handle", "6f1c2e3a");
    // The holder sees no notice about its own hold; an unrelated tip sees none.
    assertThat(linker.deconfliction(new AgencyId("ICAC-NORTH"), incoming.id())).isEmpty();
    linker.ingest(
        tip(9003, "ICAC-SOUTH", T0, report().reported(user("Demo Social", "other")).build()));
    assertThat(linker.deconfliction(new AgencyId("ICAC-SOUTH"), new TipId(9003))).isEmpty();
  }

  @Test
  void aViralFileIsCountedButAssociatesNobody() {
    Linker linker = new Linker();
    String meme = "0123456789abcdef0123456789abcdef";
    for (int i = 1; i <= 120; i++) {
      linker.ingest(
          tip(
              i,
              report()
                  .reported(user("Demo Social", "u" + i))
                  .file(file(meme).flag(FileAnnotation.POTENTIAL_MEME))
                  .build()));
    }
    assertThat(linker.fileSpread("MD5", meme)).isEqualTo(120);
    assertThat(linker.signals(new TipId(5)).fileSpread()).containsExactly(120);
    assertThat(linker.associations(linker.subjectOf(reported(5)))).isEmpty();
  }

  @Test
  void signalsCountPriorTipsByReceiptOrder() {
    Linker linker = new Linker();
    for (int i = 1; i <= 3; i++) {
      linker.ingest(
          tip(
              i,
              "ICAC-A",
              T0.plus(Duration.ofDays(10L * (4 - i))),
              report()
                  .reported(user("Example Chat", "same-account").priorCtReport(140000000L + i))
                  .build()));
    }
    // Tip 3 was received first, tip 1 last.
    assertThat(linker.signals(new TipId(3)).priorTips()).isZero();
    assertThat(linker.signals(new TipId(1)).priorTips()).isEqualTo(2);
    assertThat(linker.signals(new TipId(1)).priorCtReports()).isEqualTo(1);
  }

  @Test
  void aTipIsLinkedOnce() {
    Linker linker = new Linker();
    Tip t = tip(1, report().reported(user("Example Chat", "a")).build());
    linker.ingest(t);
    assertThatThrownBy(() -> linker.ingest(t)).hasMessageContaining("already linked");
  }

  /**
   * Issue 5: "two different households must never be merged" on chained evidence. Five accounts,
   * each sharing one phone with the next (A-B, B-C, C-D, D-E): the fourth different bridging phone
   * is refused, with its reason on both sides, and the shared phone stays an association.
   */
  @Test
  void aChainOfDifferentSharedPhonesIsRefusedWithAReasonButAPersonWithOnePhoneIsNot() {
    Linker linker = new Linker();
    for (int i = 1; i <= 5; i++) {
      TestTips.UserBuilder u = user("Demo Social", "chain-" + i);
      if (i > 1) {
        u.phone("202-555-01" + (10 + i - 1), TriState.TRUE);
      }
      if (i < 5) {
        u.phone("202-555-01" + (10 + i), TriState.TRUE);
      }
      linker.ingest(tip(i, report().reported(u).build()));
    }
    Subject chain = linker.subject(linker.subjectOf(reported(1)));
    assertThat(chain.members()).hasSize(4);
    String refused =
        "merge refused: same phone +12025550114 would join this subject with another, held"
            + " together by 4 different shared phone identifiers: possible chained merge of"
            + " different people or households; kept apart as an association (merge by hand if"
            + " they are one person)";
    assertThat(chain.reviewFlags()).containsExactly(refused);
    Subject last = linker.subject(linker.subjectOf(reported(5)));
    assertThat(last.members()).containsExactly(reported(5));
    assertThat(last.reviewFlags()).containsExactly(refused);
    assertThat(linker.associations(last.id()))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.other()).isEqualTo(chain.id());
              assertThat(a.evidence().get(0).text())
                  .isEqualTo(
                      "same phone +12025550114 in tips 4 and 5 (not merged: chained-merge guard,"
                          + " see review flags)");
            });
    // The same tips rebuilt canonically give the same subjects.
    Linker rebuilt =
        Linker.rebuild(
            java.util.stream.IntStream.rangeClosed(1, 5)
                .mapToObj(
                    i -> {
                      TestTips.UserBuilder u = user("Demo Social", "chain-" + i);
                      if (i > 1) {
                        u.phone("202-555-01" + (10 + i - 1), TriState.TRUE);
                      }
                      if (i < 5) {
                        u.phone("202-555-01" + (10 + i), TriState.TRUE);
                      }
                      return tip(i, report().reported(u).build());
                    })
                .toList(),
            List.of(),
            List.of());
    assertThat(rebuilt.subject(rebuilt.subjectOf(reported(1))).members()).hasSize(4);
    // An investigator who knows better can still merge by hand.
    linker.merge(chain.id(), last.id(), "one person, confirmed by subpoena", "det. example", T0);
    assertThat(linker.subject(linker.subjectOf(reported(1))).members()).hasSize(5);

    for (int i = 11; i <= 15; i++) {
      linker.ingest(
          tip(
              i,
              report()
                  .reported(user("Example Chat", "same-" + i).phone("202-555-0199", TriState.TRUE))
                  .build()));
    }
    assertThat(linker.subject(linker.subjectOf(reported(11))).reviewFlags()).isEmpty();
  }

  @Test
  void aSubjectHeldByOneAgencyIsDeconflictedForTheOthersAfterARebuildToo() {
    Linker linker = new Linker();
    Tip a =
        tip(
            21,
            "ICAC-WEST",
            T0,
            report()
                .reported(user("Example Photos", "p-1").phone("202-555-0123", TriState.TRUE))
                .build());
    Tip b =
        tip(
            22,
            "ICAC-EAST",
            T0.plusSeconds(5),
            report()
                .reported(user("Demo Social", "d-1").phone("202-555-0123", TriState.TRUE))
                .build());
    linker.ingest(a);
    linker.ingest(b);
    Hold h =
        linker.holdSubject(
            new AgencyId("ICAC-EAST"),
            linker.subjectOf(reported(21)),
            "E-77",
            "desk +1 202 555 0100",
            T0);
    assertThat(h.tip()).isEqualTo(b.id());
    assertThat(linker.deconfliction(new AgencyId("ICAC-WEST"), a.id()))
        .extracting(DeconflictionNotice::message)
        .containsExactly(
            "deconfliction: contact agency ICAC-EAST, case E-77 (desk +1 202 555 0100)");
    Linker rebuilt = Linker.rebuild(List.of(b, a), linker.decisions(), linker.holds());
    assertThat(rebuilt.deconfliction(new AgencyId("ICAC-WEST"), a.id())).hasSize(1);
  }

  @Test
  void anAgencySeesItsOwnTipsOfASubjectAndOnlyACountOfTheOthers() {
    Linker linker = new Linker();
    Tip west =
        tip(
            31,
            "ICAC-WEST",
            T0,
            report()
                .reported(user("Example Photos", "w-1").phone("202-555-0124", TriState.TRUE))
                .build());
    Tip east =
        tip(
            32,
            "ICAC-EAST",
            T0.plusSeconds(9),
            report()
                .reported(
                    user("Demo Social", "e-1")
                        .phone("202-555-0124", TriState.TRUE)
                        .email("east.only@example.net", true))
                .build());
    linker.ingest(west);
    linker.ingest(east);
    linker.holdSubject(
        new AgencyId("ICAC-EAST"),
        linker.subjectOf(reported(31)),
        "E-9",
        "desk +1 202 555 0101",
        T0);

    SubjectView v = linker.subjectView(new AgencyId("ICAC-WEST"), linker.subjectOf(reported(31)));
    assertThat(v.tips()).containsExactly(new TipId(31));
    assertThat(v.members()).containsExactly(reported(31));
    assertThat(v.otherAgencyTips()).isEqualTo(1);
    assertThat(v.evidence())
        .containsExactly("same phone +12025550124 in tip 31 and 1 tip of other agencies");
    assertThat(v.deconfliction())
        .extracting(DeconflictionNotice::message)
        .containsExactly(
            "deconfliction: contact agency ICAC-EAST, case E-9 (desk +1 202 555 0101)");
    assertThat(v.toString()).doesNotContain("32", "east.only", "Demo Social", "e-1");
  }

  @Test
  void incrementalIngestAfterASplitEqualsARebuildInAnyOrder() {
    long seed = 5150L;
    List<Tip> tips = SyntheticWorld.tips(seed, 1200);
    Linker linker = new Linker();
    tips.subList(0, 700).forEach(linker::ingest);
    Subject big =
        linker.subjects().stream()
            .filter(s -> s.members().size() >= 5)
            .max(java.util.Comparator.comparingInt(s -> s.members().size()))
            .orElseThrow();
    linker.split(
        big.id(),
        Set.of(big.members().get(1), big.members().get(3)),
        "test split",
        "det.carol",
        DECIDED);
    List<Tip> rest = new ArrayList<>(tips.subList(700, tips.size()));
    Collections.shuffle(rest, new Random(seed));
    rest.forEach(linker::ingest);

    List<Tip> all = new ArrayList<>(tips);
    Collections.shuffle(all, new Random(seed + 1));
    Linker rebuilt = Linker.rebuild(all, linker.decisions(), linker.holds());
    assertThat(linker.subjects()).as("seed %d", seed).isEqualTo(rebuilt.subjects());
    assertThat(linker.subjectOf(big.members().get(1)))
        .isNotEqualTo(linker.subjectOf(big.members().get(0)));
  }
}
