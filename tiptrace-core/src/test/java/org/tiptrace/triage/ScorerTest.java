package org.tiptrace.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.link.TestTips.T0;
import static org.tiptrace.link.TestTips.file;
import static org.tiptrace.link.TestTips.recipient;
import static org.tiptrace.link.TestTips.report;
import static org.tiptrace.link.TestTips.tip;
import static org.tiptrace.link.TestTips.user;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tiptrace.link.Linker;
import org.tiptrace.link.SyntheticWorld;
import org.tiptrace.tip.FileAnnotation;
import org.tiptrace.tip.IncidentType;
import org.tiptrace.tip.IndustryClassification;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportAnnotation;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;

class ScorerTest {
  private static final TriageRules RULES = TriageRules.defaults();

  @Test
  void goldenExplanationOfAnEnticementTipSumsToItsScore() {
    Tip t =
        tip(
            501,
            report()
                .incident(IncidentType.ONLINE_ENTICEMENT)
                .annotate(ReportAnnotation.SEXTORTION)
                .reported(user("Example Chat", "77001").phone("202-555-0142", TriState.TRUE))
                .recipient(recipient("Example Chat", "77002").age(14))
                .file(
                    file("00112233445566778899aabbccddeeff")
                        .flag(FileAnnotation.POSSIBLE_SELF_PRODUCTION)
                        .classification(IndustryClassification.B2))
                .file(file("ffeeddccbbaa99887766554433221100").flag(FileAnnotation.GENERATIVE_AI))
                .build());
    TipSignals signals =
        TipSignals.unchecked(t)
            .withFiles(List.of(HashVerdict.UNMATCHED_POSSIBLE_NEW, HashVerdict.NOT_CHECKED))
            .withIps(
                List.of(
                    new IpSignal(
                        "192.0.2.44",
                        AttributionStatus.ATTRIBUTABLE,
                        Optional.of(t.receivedAt().plus(Duration.ofDays(20))))))
            .withJurisdiction(TriState.TRUE);

    TriageResult r = Triage.score(t, signals, RULES);

    assertThat(r.lines())
        .extracting(ScoreLine::toString)
        .containsExactly(
            "+40 incident.onlineEnticement: incident type 'Online Enticement of Children for Sexual Acts'",
            "+35 annotation.sextortion: report annotation sextortion",
            "+8 classification.B2: most severe industry classification B2 file 1",
            "+20 file.possibleSelfProduction: file 1 flagged possibleSelfProduction",
            "+0 file.generativeAi: file 2 flagged generativeAi",
            "+12 hash.possibleNewMaterial: 1 file (file 1) checked and unmatched in every hash set:"
                + " possible new material, 12 each",
            "+8 hash.notChecked: 1 file (file 2) not checked against any hash set: unknown, neither"
                + " a known match nor \"no match\"",
            "+2 files.count: 2 files in the report, 1 each",
            "+8 distribution.recipients: 1 intended recipient, 8 each",
            "+30 recipients.minor: 1 intended recipient a child (stated age or incident type)",
            "+10 ip.attributable: 1 IP event attributable to a subscriber",
            "+10 ip.perishable: attribution deadline 2026-01-25T12:08:21Z is 20 days after receipt",
            "+5 jurisdiction.in: in the agency's jurisdiction");
    assertThat(r.score())
        .isEqualTo(188)
        .isEqualTo(r.lines().stream().mapToInt(ScoreLine::points).sum());
    assertThat(r.tier()).isEqualTo(Tier.TIER_1);
    assertThat(r.notes()).containsExactly("1 file not checked against hash sets");
    assertThat(r.rulesVersion()).isEqualTo("2026.11-2");
  }

  @Test
  void aFloorRaisesTheScoreWithALineOfItsOwn() {
    Tip t =
        tip(
            502,
            report()
                .escalate("Live contact with a child in progress.")
                .reported(user("Demo Social", "1"))
                .build());
    TriageResult r = Triage.score(t, TipSignals.unchecked(t), RULES);
    assertThat(r.lines())
        .extracting(ScoreLine::toString)
        .containsExactly(
            "+10 incident.childPornography: incident type 'Child Pornography (possession, manufacture, and distribution)'",
            "+40 report.escalateToHighPriority: ESP escalated: Live contact with a child in progress.",
            "+50 floor.escalateToHighPriority: raised to 100 because report.escalateToHighPriority fired:"
                + " The ESP says a child is at immediate risk; tier 1 whatever else the tip lacks.");
    assertThat(r.score()).isEqualTo(100);
    assertThat(r.tier()).isEqualTo(Tier.TIER_1);
  }

  @Test
  void notCheckedIsNeverNoMatchAndKnownGoodIsTheOnlyDeduction() {
    Tip t =
        tip(
            503,
            report().reported(user("Demo Social", "1")).file(file("aa")).file(file("bb")).build());
    TriageResult unchecked = Triage.score(t, TipSignals.unchecked(t), RULES);
    TriageResult good =
        Triage.score(
            t,
            TipSignals.unchecked(t)
                .withFiles(List.of(HashVerdict.MATCHED_KNOWN_GOOD, HashVerdict.MATCHED_KNOWN_GOOD)),
            RULES);
    TriageResult oneUnchecked =
        Triage.score(
            t,
            TipSignals.unchecked(t)
                .withFiles(List.of(HashVerdict.MATCHED_KNOWN_GOOD, HashVerdict.NOT_CHECKED)),
            RULES);
    assertThat(unchecked.lines())
        .extracting(ScoreLine::rule)
        .contains("hash.notChecked")
        .doesNotContain("hash.allKnownGood");
    assertThat(oneUnchecked.lines())
        .extracting(ScoreLine::rule)
        .doesNotContain("hash.allKnownGood");
    assertThat(good.lines()).extracting(ScoreLine::rule).contains("hash.allKnownGood");
    assertThat(good.score()).isLessThan(unchecked.score());
    assertThat(oneUnchecked.score()).isGreaterThan(good.score());
  }

  @Test
  void everyExplanationSumsToItsScoreAndScoringIsPure() {
    long seed = 7_2026L;
    SplittableRandom random = new SplittableRandom(seed);
    List<Tip> tips = SyntheticWorld.tips(seed, 1500);
    Linker linker = new Linker();
    tips.forEach(linker::ingest);
    HashVerdict[] verdicts = HashVerdict.values();
    AttributionStatus[] statuses = AttributionStatus.values();
    for (Tip t : tips) {
      List<HashVerdict> v = new ArrayList<>();
      t.report().files().forEach(f -> v.add(verdicts[random.nextInt(verdicts.length)]));
      List<IpSignal> ips = new ArrayList<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        ips.add(
            new IpSignal(
                "203.0.113.9",
                statuses[random.nextInt(statuses.length)],
                random.nextBoolean()
                    ? Optional.of(t.receivedAt().plus(Duration.ofDays(random.nextInt(120))))
                    : Optional.empty()));
      }
      TipSignals s =
          TipSignals.unchecked(t)
              .withFiles(v)
              .withIps(ips)
              .withJurisdiction(TriState.values()[random.nextInt(3)])
              .withLink(linker.signals(t.id()));
      TriageResult r = Triage.score(t, s, RULES);
      assertThat(r.lines().stream().mapToInt(ScoreLine::points).sum())
          .as("seed %d tip %s", seed, t.id())
          .isEqualTo(r.score());
      assertThat(r.score()).isNotNegative();
      if (r.tier() != Tier.INFORMATIONAL) {
        Tier expected =
            r.score() >= 100
                ? Tier.TIER_1
                : r.score() >= 60 ? Tier.TIER_2 : r.score() >= 30 ? Tier.TIER_3 : Tier.TIER_4;
        assertThat(r.tier()).isEqualTo(expected);
      }
      assertThat(Triage.score(t, s, RULES)).isEqualTo(r);
    }
  }

  @Test
  void generativeAiFlagsNeverLowerAScoreOrATier() {
    long seed = 99L;
    List<Tip> tips = SyntheticWorld.tips(seed, 800);
    Linker linker = new Linker();
    tips.forEach(linker::ingest);
    int compared = 0;
    for (Tip t : tips) {
      if (t.report().files().isEmpty()) {
        continue;
      }
      TipSignals s = TipSignals.unchecked(t).withLink(linker.signals(t.id()));
      TriageResult before = Triage.score(t, s, RULES);
      Tip flagged = withGenerativeAi(t);
      TriageResult after = Triage.score(flagged, s, RULES);
      assertThat(after.score())
          .as("seed %d tip %s", seed, t.id())
          .isGreaterThanOrEqualTo(before.score());
      assertThat(after.tier().rank())
          .as("seed %d tip %s", seed, t.id())
          .isLessThanOrEqualTo(before.tier().rank());
      compared++;
    }
    assertThat(compared).isGreaterThan(700);
  }

  private static Tip withGenerativeAi(Tip t) {
    Report r = t.report();
    List<ReportedFile> files = new ArrayList<>();
    for (ReportedFile f : r.files()) {
      EnumSet<FileAnnotation> a = EnumSet.of(FileAnnotation.GENERATIVE_AI);
      a.addAll(f.annotations());
      files.add(
          new ReportedFile(
              f.fileId(),
              f.fileName(),
              f.originalFileName(),
              f.uploadedToEspTimestamp(),
              f.locationOfFile(),
              f.fileViewedByEsp(),
              f.exifViewedByEsp(),
              f.publiclyAvailable(),
              f.relevance(),
              a,
              f.industryClassification(),
              f.hashes(),
              f.ipCaptureEvents(),
              f.deviceIds(),
              f.details(),
              f.additionalInfo(),
              f.ncmecTags()));
    }
    Report copy =
        new Report(
            r.format(),
            r.cybertipReportId(),
            r.dateReceived(),
            r.batchedReport(),
            r.incidentSummary(),
            r.internetDetails(),
            r.lawEnforcement(),
            r.reporter(),
            r.reportedUsers(),
            r.intendedRecipients(),
            r.victims(),
            files,
            r.additionalInfo(),
            r.unknownElements());
    return new Tip(t.id(), t.agency(), t.source(), t.receivedAt(), copy);
  }

  @Test
  void aRecipientWithAStatedAdultAgeIsNotAChild() {
    Tip t =
        tip(
            504,
            report()
                .reported(user("Example Chat", "1"))
                .recipient(
                    recipient("Example Chat", "2").info("Recipient stated age 34 in profile."))
                .build());
    TriageResult r = Triage.score(t, TipSignals.unchecked(t), RULES);
    assertThat(r.lines()).extracting(ScoreLine::rule).doesNotContain("recipients.minor");
    assertThat(T0).isNotNull();
  }

  /**
   * Issue 3 §5: known match, possible new material, known-good only and not checked are four
   * different answers. Rule set 2026.11-1 scored "not checked" exactly like a known match; each
   * verdict now scores apart and its explanation line (or note) says which files it covers.
   */
  @Test
  void theFourHashVerdictsScoreApartAndTheExplanationSaysWhich() {
    Tip one = tip(610, report().file(file("00112233445566778899aabbccddeeff")).build());
    java.util.Map<HashVerdict, Integer> score = new java.util.EnumMap<>(HashVerdict.class);
    for (HashVerdict v : HashVerdict.values()) {
      score.put(
          v, Triage.score(one, TipSignals.unchecked(one).withFiles(List.of(v)), RULES).score());
    }
    assertThat(score.get(HashVerdict.NOT_CHECKED))
        .isNotEqualTo(score.get(HashVerdict.MATCHED_KNOWN))
        .isNotEqualTo(score.get(HashVerdict.UNMATCHED_POSSIBLE_NEW))
        .isGreaterThan(score.get(HashVerdict.MATCHED_KNOWN))
        .isLessThan(score.get(HashVerdict.UNMATCHED_POSSIBLE_NEW));
    assertThat(score.get(HashVerdict.MATCHED_KNOWN_GOOD))
        .isLessThan(score.get(HashVerdict.MATCHED_KNOWN));

    Tip four =
        tip(
            611,
            report()
                .file(file("00112233445566778899aabbccddeeff"))
                .file(file("10112233445566778899aabbccddeeff"))
                .file(file("20112233445566778899aabbccddeeff"))
                .file(file("30112233445566778899aabbccddeeff"))
                .build());
    TriageResult r =
        Triage.score(
            four,
            TipSignals.unchecked(four)
                .withFiles(
                    List.of(
                        HashVerdict.NOT_CHECKED,
                        HashVerdict.MATCHED_KNOWN,
                        HashVerdict.MATCHED_KNOWN_GOOD,
                        HashVerdict.UNMATCHED_POSSIBLE_NEW)),
            RULES);
    assertThat(r.lines())
        .extracting(ScoreLine::toString)
        .contains(
            "+12 hash.possibleNewMaterial: 1 file (file 4) checked and unmatched in every hash"
                + " set: possible new material, 12 each",
            "+5 hash.knownMatch: 1 file (file 2) matched a known-abuse hash set: known material",
            "+8 hash.notChecked: 1 file (file 1) not checked against any hash set: unknown,"
                + " neither a known match nor \"no match\"");
    assertThat(r.lines()).extracting(ScoreLine::rule).doesNotContain("hash.allKnownGood");
    assertThat(r.notes())
        .contains(
            "1 file (file 3) matched only known-good hash sets; deducted only when every file"
                + " does");
  }
}
