package org.tiptrace.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tiptrace.evidence.GateFixtures.A;
import static org.tiptrace.evidence.GateFixtures.B;
import static org.tiptrace.evidence.GateFixtures.file;
import static org.tiptrace.evidence.GateFixtures.tip;
import static org.tiptrace.evidence.GateFixtures.warrant;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrace.legal.GateBasis;
import org.tiptrace.legal.GateRuleSet;
import org.tiptrace.legal.GateScope;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;

/** The decision table of legal-rules.md §3.2, row by row, and its additional rules. */
class ViewingGateTest {
  private static final GateRuleSet RULES = GateRuleSet.bundled();

  /**
   * Every combination of the three inputs. Rows 1-6: fileViewedByEsp true, anything else → ALLOW
   * (viewed). Rows 7-10: not true, public true → ALLOW (public). Rows 11-14: neither true, no
   * warrant → BLOCK. Rows 15-18: neither true, a warrant listing the file → ALLOW (warrant).
   */
  @ParameterizedTest(name = "viewed={0} public={1} warrant={2} → {3} {4}")
  @CsvSource({
    "TRUE,    TRUE,    false, ALLOWED, ESP_VIEWED,         GATE_ESP_VIEWED",
    "TRUE,    FALSE,   false, ALLOWED, ESP_VIEWED,         GATE_ESP_VIEWED",
    "TRUE,    UNKNOWN, false, ALLOWED, ESP_VIEWED,         GATE_ESP_VIEWED",
    "TRUE,    TRUE,    true,  ALLOWED, ESP_VIEWED,         GATE_ESP_VIEWED",
    "TRUE,    FALSE,   true,  ALLOWED, ESP_VIEWED,         GATE_ESP_VIEWED",
    "TRUE,    UNKNOWN, true,  ALLOWED, ESP_VIEWED,         GATE_ESP_VIEWED",
    "FALSE,   TRUE,    false, ALLOWED, PUBLICLY_AVAILABLE, GATE_PUBLIC",
    "UNKNOWN, TRUE,    false, ALLOWED, PUBLICLY_AVAILABLE, GATE_PUBLIC",
    "FALSE,   TRUE,    true,  ALLOWED, PUBLICLY_AVAILABLE, GATE_PUBLIC",
    "UNKNOWN, TRUE,    true,  ALLOWED, PUBLICLY_AVAILABLE, GATE_PUBLIC",
    "FALSE,   FALSE,   false, BLOCKED, NONE,               GATE_BLOCK",
    "FALSE,   UNKNOWN, false, BLOCKED, NONE,               GATE_BLOCK",
    "UNKNOWN, FALSE,   false, BLOCKED, NONE,               GATE_BLOCK",
    "UNKNOWN, UNKNOWN, false, BLOCKED, NONE,               GATE_BLOCK",
    "FALSE,   FALSE,   true,  ALLOWED, WARRANT,            GATE_WARRANT",
    "FALSE,   UNKNOWN, true,  ALLOWED, WARRANT,            GATE_WARRANT",
    "UNKNOWN, FALSE,   true,  ALLOWED, WARRANT,            GATE_WARRANT",
    "UNKNOWN, UNKNOWN, true,  ALLOWED, WARRANT,            GATE_WARRANT",
  })
  void contentFollowsTheDecisionTable(
      TriState viewed,
      TriState isPublic,
      boolean warranted,
      GateVerdict verdict,
      GateBasis basis,
      String ruleId) {
    Tip tip = tip(1, A, file("f1", viewed, TriState.UNKNOWN, isPublic));
    List<Warrant> warrants = warranted ? List.of(warrant(7, tip, "f1")) : List.of();

    GateDecision d = ViewingGate.decide(tip, new FileRef("f1"), warrants, RULES);

    assertThat(d.scope()).isEqualTo(GateScope.CONTENT);
    assertThat(d.verdict()).isEqualTo(verdict);
    assertThat(d.basis()).isEqualTo(basis);
    assertThat(d.ruleId()).isEqualTo(ruleId);
    assertThat(d.warrant())
        .isEqualTo(basis == GateBasis.WARRANT ? Optional.of(new WarrantId(7)) : Optional.empty());
    assertThat(d.citations()).isNotEmpty();
    assertThat(d.ruleSetVersion()).isEqualTo(RULES.version());
    assertThat(d.explanation())
        .contains("Applies the configured rule set viewing-gate v" + RULES.version())
        .contains("does not give legal advice")
        .contains(ruleId);
  }

  /** EXIF: only exifViewedByEsp = true or a warrant; fileViewedByEsp and public never open it. */
  @ParameterizedTest(name = "exifViewed={0} viewed={1} public={2} warrant={3} → {4}")
  @CsvSource({
    "TRUE,    FALSE,   FALSE,   false, ALLOWED, ESP_VIEWED, GATE_EXIF_VIEWED",
    "TRUE,    UNKNOWN, UNKNOWN, true,  ALLOWED, ESP_VIEWED, GATE_EXIF_VIEWED",
    "FALSE,   TRUE,    FALSE,   false, BLOCKED, NONE,       GATE_EXIF_BLOCK",
    "UNKNOWN, TRUE,    FALSE,   false, BLOCKED, NONE,       GATE_EXIF_BLOCK",
    "FALSE,   FALSE,   TRUE,    false, BLOCKED, NONE,       GATE_EXIF_BLOCK",
    "UNKNOWN, UNKNOWN, TRUE,    false, BLOCKED, NONE,       GATE_EXIF_BLOCK",
    "UNKNOWN, UNKNOWN, UNKNOWN, false, BLOCKED, NONE,       GATE_EXIF_BLOCK",
    "FALSE,   FALSE,   FALSE,   true,  ALLOWED, WARRANT,    GATE_EXIF_WARRANT",
    "UNKNOWN, UNKNOWN, UNKNOWN, true,  ALLOWED, WARRANT,    GATE_EXIF_WARRANT",
  })
  void exifIsGatedSeparately(
      TriState exifViewed,
      TriState viewed,
      TriState isPublic,
      boolean warranted,
      GateVerdict verdict,
      GateBasis basis,
      String ruleId) {
    Tip tip = tip(2, A, file("f1", viewed, exifViewed, isPublic));
    List<Warrant> warrants = warranted ? List.of(warrant(3, tip, "f1")) : List.of();

    GateDecision d = ViewingGate.decideExif(tip, new FileRef("f1"), warrants, RULES);

    assertThat(d.scope()).isEqualTo(GateScope.EXIF);
    assertThat(d.verdict()).isEqualTo(verdict);
    assertThat(d.basis()).isEqualTo(basis);
    assertThat(d.ruleId()).isEqualTo(ruleId);
  }

  @Test
  void aSiblingTheWarrantDoesNotListStaysBlocked() {
    Tip tip =
        tip(
            3,
            A,
            file("viewed", TriState.TRUE, TriState.UNKNOWN, TriState.UNKNOWN),
            file("listed", TriState.UNKNOWN, TriState.UNKNOWN, TriState.UNKNOWN),
            file("sibling", TriState.UNKNOWN, TriState.UNKNOWN, TriState.FALSE));
    List<Warrant> warrants = List.of(warrant(1, tip, "listed"));

    List<FileGate> gates = ViewingGate.gates(tip, warrants, RULES);

    assertThat(gates)
        .extracting(g -> g.file().ref().value() + "=" + g.content().verdict())
        .containsExactly("viewed=ALLOWED", "listed=ALLOWED", "sibling=BLOCKED");
  }

  @Test
  void anotherFileWithTheSameHashBeingViewedOpensNothing() {
    List<FileHash> same =
        List.of(new FileHash(HashAlgorithm.MD5, "MD5", "0".repeat(32), HashOrigin.ESP_ORIGINAL));
    Tip tip =
        tip(
            4,
            A,
            file(Optional.of("a"), TriState.TRUE, TriState.TRUE, TriState.FALSE, same, List.of()),
            file(
                Optional.of("b"), TriState.FALSE, TriState.FALSE, TriState.FALSE, same, List.of()));

    assertThat(ViewingGate.decide(tip, new FileRef("b"), List.of(), RULES).verdict())
        .isEqualTo(GateVerdict.BLOCKED);
    assertThat(ViewingGate.decideExif(tip, new FileRef("b"), List.of(), RULES).verdict())
        .isEqualTo(GateVerdict.BLOCKED);
  }

  @Test
  void ncmecHavingViewedOrTaggedTheFileDoesNotCount() {
    Tip tip =
        tip(
            5,
            A,
            file(
                Optional.of("f"),
                TriState.UNKNOWN,
                TriState.UNKNOWN,
                TriState.UNKNOWN,
                List.of(),
                List.of("Apparent Child Pornography", "Reviewed by NCMEC")));

    GateDecision d = ViewingGate.decide(tip, new FileRef("f"), List.of(), RULES);

    assertThat(d.verdict()).isEqualTo(GateVerdict.BLOCKED);
    assertThat(d.reason()).contains("fileViewedByEsp = unknown (not true)");
  }

  @Test
  void aWarrantOfAnotherTipOrAgencyDoesNotOpenTheFile() {
    Tip tip = tip(6, A, file("f1", TriState.FALSE, TriState.FALSE, TriState.FALSE));
    Tip otherTip = tip(60, A, file("f1", TriState.FALSE, TriState.FALSE, TriState.FALSE));
    Tip otherAgency = tip(6, B, file("f1", TriState.FALSE, TriState.FALSE, TriState.FALSE));

    GateDecision d =
        ViewingGate.decide(
            tip,
            new FileRef("f1"),
            List.of(warrant(1, otherTip, "f1"), warrant(2, otherAgency, "f1")),
            RULES);

    assertThat(d.verdict()).isEqualTo(GateVerdict.BLOCKED);
  }

  @Test
  void theOldestCoveringWarrantIsNamedAsTheBasis() {
    Tip tip = tip(7, A, file("f1", TriState.FALSE, TriState.FALSE, TriState.FALSE));

    GateDecision d =
        ViewingGate.decide(
            tip, new FileRef("f1"), List.of(warrant(9, tip, "f1"), warrant(4, tip, "f1")), RULES);

    assertThat(d.warrant()).contains(new WarrantId(4));
    assertThat(d.explanation()).contains("warrant 4 (no. SW-2026-4");
    assertThat(d.auditDetail())
        .contains("content ALLOWED basis=WARRANT warrant=4 rule=GATE_WARRANT");
  }

  @Test
  void aJurisdictionWherePublicFilesDoNotOpenBlocksThem() throws IOException {
    String yaml =
        bundledText().replaceFirst("(id: US-default[\\s\\S]*?public_opens:) true", "$1 false");
    GateRuleSet rules =
        GateRuleSet.load(
            new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "counsel-copy.yaml");
    Tip tip = tip(8, A, file("f1", TriState.UNKNOWN, TriState.UNKNOWN, TriState.TRUE));

    GateDecision d = ViewingGate.decide(tip, new FileRef("f1"), List.of(), rules);

    assertThat(rules.defaultJurisdiction().publicOpens()).isFalse();
    assertThat(d.verdict()).isEqualTo(GateVerdict.BLOCKED);
    assertThat(d.reason()).contains("public files do not open in US-default");
  }

  @Test
  void aFileTheTipDoesNotHaveIsAnError() {
    Tip tip = tip(9, A, file("f1", TriState.TRUE, TriState.TRUE, TriState.TRUE));

    assertThatThrownBy(() -> ViewingGate.decide(tip, new FileRef("f2"), List.of(), RULES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tip 9 has no file 'f2'");
  }

  static String bundledText() throws IOException {
    try (var in = GateRuleSet.class.getResourceAsStream(GateRuleSet.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
