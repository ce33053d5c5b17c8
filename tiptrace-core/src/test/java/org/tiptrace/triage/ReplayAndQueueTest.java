package org.tiptrace.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tiptrace.link.Linker;
import org.tiptrace.link.SyntheticWorld;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;

class ReplayAndQueueTest {
  private static final TriageRules RULES = TriageRules.defaults();

  private static List<TriageInput> inputs() {
    List<Tip> tips = SyntheticWorld.tips(31, 600);
    Linker linker = new Linker();
    tips.forEach(linker::ingest);
    List<TriageInput> in = new ArrayList<>();
    for (Tip t : tips) {
      in.add(new TriageInput(t, TipSignals.unchecked(t).withLink(linker.signals(t.id()))));
    }
    return in;
  }

  @Test
  void replayWithTheSameRulesChangesNothing() {
    ReplayReport r = Triage.replay(inputs(), RULES, RULES);
    assertThat(r.tips()).isEqualTo(600);
    assertThat(r.changes()).isEmpty();
  }

  @Test
  void replayReportsTheTipsThatChangeTierWithTheChangedLines() {
    List<TriageInput> in = inputs();
    TriageRules candidate =
        RULES.withPoints("incident.childPornography", 40, "2026.11-2-candidate");
    ReplayReport r = Triage.replay(in, RULES, candidate);
    assertThat(r.oldVersion()).isEqualTo("2026.11-2");
    assertThat(r.newVersion()).isEqualTo("2026.11-2-candidate");
    assertThat(r.changes()).isNotEmpty();
    for (TierChange c : r.changes()) {
      assertThat(c.newTier().rank()).isLessThan(c.oldTier().rank());
      assertThat(c.scoreDelta()).isPositive().isLessThanOrEqualTo(30);
      assertThat(c.changedLines()).contains("incident.childPornography: 10 -> 40");
    }
    // Every tip not listed kept its tier.
    long changedByHand =
        in.stream()
            .filter(
                i ->
                    Triage.score(i.tip(), i.signals(), RULES).tier()
                        != Triage.score(i.tip(), i.signals(), candidate).tier())
            .count();
    assertThat(r.changes()).hasSize((int) changedByHand);
  }

  private static TriageResult result(
      long tip, String agency, Tier tier, int score, Optional<Instant> deadline) {
    return new TriageResult(
        new TipId(tip),
        new AgencyId(agency),
        score,
        tier,
        List.of(new ScoreLine("test", score, "fixed")),
        List.of(),
        List.of(),
        deadline,
        "t");
  }

  @Test
  void queueIsPerAgencyByTierThenDeadlineThenScore() {
    Instant soon = Instant.parse("2026-03-01T00:00:00Z");
    Instant later = Instant.parse("2026-05-01T00:00:00Z");
    List<TriageResult> all =
        List.of(
            result(1, "A", Tier.TIER_2, 70, Optional.empty()),
            result(2, "A", Tier.TIER_1, 100, Optional.of(later)),
            result(3, "A", Tier.TIER_1, 150, Optional.empty()),
            result(4, "A", Tier.TIER_1, 101, Optional.of(soon)),
            result(5, "B", Tier.TIER_1, 300, Optional.of(soon)),
            result(6, "A", Tier.INFORMATIONAL, 90, Optional.of(soon)),
            result(7, "A", Tier.TIER_2, 80, Optional.empty()),
            result(8, "A", Tier.TIER_2, 80, Optional.empty()));
    assertThat(TriageQueue.build(new AgencyId("A"), all))
        .extracting(r -> r.tip().value())
        .containsExactly(4L, 2L, 3L, 7L, 8L, 1L, 6L);
  }
}
