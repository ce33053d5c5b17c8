package org.tiptrace.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.link.TestTips.file;
import static org.tiptrace.link.TestTips.recipient;
import static org.tiptrace.link.TestTips.report;
import static org.tiptrace.link.TestTips.tip;
import static org.tiptrace.link.TestTips.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tiptrace.link.Linker;
import org.tiptrace.link.TestTips;
import org.tiptrace.tip.FileAnnotation;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TriState;

/** A meme shared out of outrage by 500 unrelated accounts, and the one sharer who is not that. */
class MemeScenarioTest {
  private static final String MEME = "9e107d9d372bb6826bd81d3542a419d6";
  private static final TriageRules RULES = TriageRules.defaults();

  @Test
  void fiveHundredSharersAreInformationalExceptTheOneWhoSentFilesToAMinor() {
    List<Tip> tips = new ArrayList<>();
    for (int i = 1; i <= 500; i++) {
      TestTips.ReportBuilder b =
          report()
              .reported(
                  user(i % 2 == 0 ? "Demo Social" : "Example Photos", "acct-" + i)
                      .phone(
                          "+1 202 555 " + String.format(java.util.Locale.ROOT, "%04d", i),
                          TriState.TRUE)
                      .ip("203.0.113." + (1 + i % 200), TestTips.T0.plusSeconds(60L * i)));
      // A third flagged by the ESP, a third batched, a third only spread: all must be caught.
      switch (i % 3) {
        case 0 -> b.file(file(MEME).flag(FileAnnotation.POTENTIAL_MEME, FileAnnotation.VIRAL));
        case 1 -> b.batchedMeme().file(file(MEME));
        default -> b.file(file(MEME));
      }
      if (i == 250) {
        b.recipient(recipient("Demo Social", "kid-1").age(13));
      }
      tips.add(tip(i, b.build()));
    }
    Linker linker = new Linker();
    tips.forEach(linker::ingest);

    Map<Long, TriageResult> results = new TreeMap<>();
    for (Tip t : tips) {
      TipSignals s = TipSignals.unchecked(t).withLink(linker.signals(t.id()));
      results.put(t.id().value(), Triage.score(t, s, RULES));
    }

    assertThat(linker.subjects()).hasSize(501); // 500 sharers and one recipient: nobody merged
    results.forEach(
        (id, r) -> {
          if (id == 250) {
            assertThat(r.tier()).isNotEqualTo(Tier.INFORMATIONAL);
            assertThat(r.reasons().get(r.reasons().size() - 1))
                .contains("overridden by: sent to 1 intended recipient who is a child");
          } else {
            assertThat(r.tier()).as("tip %d", id).isEqualTo(Tier.INFORMATIONAL);
            assertThat(r.reasons()).anyMatch(x -> x.contains("no other indicator of risk"));
          }
        });
    assertThat(results.get(2L).reasons())
        .containsExactly(
            "informational: file 1 reported for 500 distinct subjects; no other indicator of risk");
    assertThat(results.get(250L).tier()).isEqualTo(Tier.TIER_2);
  }

  @Test
  void aMemeSharerWithPriorTipsIsNotInformational() {
    Linker linker = new Linker();
    Tip earlier =
        tip(
            1,
            report()
                .reported(user("Demo Social", "repeat").phone("202-555-0177", TriState.TRUE))
                .file(file("abcd"))
                .build());
    Tip meme =
        tip(
            2,
            report()
                .batchedMeme()
                .reported(user("Example Photos", "other-acct").phone("202-555-0177", TriState.TRUE))
                .file(file(MEME))
                .build());
    linker.ingest(earlier);
    linker.ingest(meme);
    TriageResult r =
        Triage.score(
            meme, TipSignals.unchecked(meme).withLink(linker.signals(new TipId(2))), RULES);
    assertThat(r.tier()).isNotEqualTo(Tier.INFORMATIONAL);
    assertThat(r.reasons()).anyMatch(x -> x.contains("prior tips (1 linked"));
  }

  @Test
  void aMemeBesideAnotherFileOrWithNewMaterialIsNotInformational() {
    Tip mixed =
        tip(
            3,
            report()
                .reported(user("Demo Social", "m"))
                .file(file(MEME).flag(FileAnnotation.VIRAL))
                .file(file("beef"))
                .build());
    assertThat(Triage.score(mixed, TipSignals.unchecked(mixed), RULES).tier())
        .isNotEqualTo(Tier.INFORMATIONAL);

    Tip batched =
        tip(4, report().batchedMeme().reported(user("Demo Social", "n")).file(file(MEME)).build());
    TipSignals newMaterial =
        TipSignals.unchecked(batched).withFiles(List.of(HashVerdict.UNMATCHED_POSSIBLE_NEW));
    TriageResult r = Triage.score(batched, newMaterial, RULES);
    assertThat(r.tier()).isNotEqualTo(Tier.INFORMATIONAL);
    assertThat(r.reasons()).anyMatch(x -> x.contains("possible new material"));
    assertThat(Triage.score(batched, TipSignals.unchecked(batched), RULES).tier())
        .isEqualTo(Tier.INFORMATIONAL);
  }
}
