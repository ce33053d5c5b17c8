package org.tiptrace.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.evidence.GateFixtures.A;
import static org.tiptrace.evidence.GateFixtures.file;
import static org.tiptrace.evidence.GateFixtures.tip;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.MatchMethod;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.ip.RoutingDecision;
import org.tiptrace.legal.CircuitTable;
import org.tiptrace.legal.GateBasis;
import org.tiptrace.legal.GateMode;
import org.tiptrace.legal.GateRuleSet;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.TriState;

/**
 * The gate per circuit: the tip's place comes from its stored routing decision, the entry of its
 * circuit decides, and only an entry counsel relaxed (a test rule file: the bundled one relaxes
 * nothing) lets a known-abuse hash match open a file. Unknown is never relaxed.
 */
class JurisdictionGateTest {
  private static final CircuitTable CIRCUITS = CircuitTable.bundled();
  private static final GateRuleSet BUNDLED = GateRuleSet.bundled();
  private static final GateRuleSet RELAXED_CA5 = relaxedFifthCircuit();

  private final Tip tip =
      tip(40, A, file("f1", TriState.UNKNOWN, TriState.UNKNOWN, TriState.FALSE));

  @Test
  void aRelaxedCircuitOpensAnExactKnownAbuseMatchAndRecordsWhere() {
    GateFacts facts = facts(routed("US", "TX"), MatchMethod.EXACT_MD5);

    GateDecision d = ViewingGate.decide(tip, new FileRef("f1"), List.of(), facts, RELAXED_CA5);

    assertThat(d.verdict()).isEqualTo(GateVerdict.ALLOWED);
    assertThat(d.basis()).isEqualTo(GateBasis.KNOWN_ABUSE_HASH_MATCH);
    assertThat(d.ruleId()).isEqualTo("GATE_HASH_MATCH");
    assertThat(d.jurisdiction()).isEqualTo("US-CA5");
    assertThat(d.mode()).isEqualTo(GateMode.RELAXED);
    assertThat(d.circuit()).contains("US-CA5");
    assertThat(d.location()).contains("US/TX", "US-CA5", "routing ROUTED");
    assertThat(d.jurisdictionCitations()).extracting(c -> c.key()).contains("S17");
    assertThat(d.ruleSetVersion()).isEqualTo(RELAXED_CA5.version());
    assertThat(d.reason()).contains("known-abuse hash match exact_md5 in set NCMEC-test 1");
    assertThat(d.auditDetail())
        .contains("basis=KNOWN_ABUSE_HASH_MATCH", "jurisdiction=US-CA5", "mode=relaxed")
        .contains("circuit=US-CA5", "rule=GATE_HASH_MATCH");
    // A hash match never opens EXIF.
    GateDecision exif =
        ViewingGate.decideExif(tip, new FileRef("f1"), List.of(), facts, RELAXED_CA5);
    assertThat(exif.verdict()).isEqualTo(GateVerdict.BLOCKED);
  }

  /** The same file and match stay blocked wherever the relaxed entry does not apply. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bundled rules, strict Fifth Circuit|bundled|ROUTED|US|TX|EXACT_MD5|US-CA5|STRICT",
        "strict circuit|relaxed|ROUTED|US|CA|EXACT_MD5|US-CA9|STRICT",
        "routing REVIEW with a Texas region|relaxed|REVIEW|US|TX|EXACT_MD5|US-default|STRICT",
        "region the circuit table does not list|relaxed|ROUTED|US|AS|EXACT_MD5|US-default|STRICT",
        "abroad|relaxed|INTERNATIONAL_REFERRAL|CA|ON|EXACT_MD5|US-default|STRICT",
        "a PDQ match the entry does not list|relaxed|ROUTED|US|TX|PDQ|US-CA5|RELAXED",
      })
  void elsewhereTheMatchOpensNothing(
      String name,
      String rules,
      String outcome,
      String country,
      String region,
      MatchMethod method,
      String entry,
      GateMode mode) {
    GateFacts facts =
        facts(routing(RoutingDecision.Outcome.valueOf(outcome), country, region), method);
    GateRuleSet set = rules.equals("bundled") ? BUNDLED : RELAXED_CA5;

    GateDecision d = ViewingGate.decide(tip, new FileRef("f1"), List.of(), facts, set);

    assertThat(d.verdict()).as(name).isEqualTo(GateVerdict.BLOCKED);
    assertThat(d.ruleId()).isEqualTo("GATE_BLOCK");
    assertThat(d.jurisdiction()).isEqualTo(entry);
    assertThat(d.mode()).isEqualTo(mode);
  }

  @Test
  void noStoredRoutingIsUnknownAndGetsTheStrictDefault() {
    GateFacts facts =
        new GateFacts(
            TipJurisdiction.of(Optional.empty(), CIRCUITS), matches(MatchMethod.EXACT_SHA256));

    GateDecision d = ViewingGate.decide(tip, new FileRef("f1"), List.of(), facts, RELAXED_CA5);

    assertThat(d.verdict()).isEqualTo(GateVerdict.BLOCKED);
    assertThat(d.jurisdiction()).isEqualTo("US-default");
    assertThat(d.circuit()).isEmpty();
    assertThat(d.location()).isEqualTo("unknown (no stored routing decision)");
    assertThat(d.auditDetail()).contains("circuit=unknown");
  }

  @Test
  void aMatchOfAnotherFileOfTheTipDoesNotOpenThisOne() {
    Tip two =
        tip(
            41,
            A,
            file("f1", TriState.UNKNOWN, TriState.UNKNOWN, TriState.UNKNOWN),
            file("f2", TriState.UNKNOWN, TriState.UNKNOWN, TriState.UNKNOWN));
    GateFacts facts = facts(routed("US", "TX"), MatchMethod.EXACT_SHA1); // index 0 = f1

    assertThat(ViewingGate.decide(two, new FileRef("f1"), List.of(), facts, RELAXED_CA5).verdict())
        .isEqualTo(GateVerdict.ALLOWED);
    assertThat(ViewingGate.decide(two, new FileRef("f2"), List.of(), facts, RELAXED_CA5).verdict())
        .isEqualTo(GateVerdict.BLOCKED);
  }

  private static GateFacts facts(JsonNode routing, MatchMethod method) {
    return new GateFacts(TipJurisdiction.of(Optional.of(routing), CIRCUITS), matches(method));
  }

  private static Map<Integer, List<HashMatch>> matches(MatchMethod method) {
    return Map.of(
        0,
        List.of(
            new HashMatch(
                "NCMEC-test",
                "1",
                HashSetKind.KNOWN_ABUSE,
                Optional.empty(),
                Optional.empty(),
                TriState.UNKNOWN,
                method,
                "md5:00000000000000000000000000000000",
                method == MatchMethod.PDQ ? OptionalInt.of(12) : OptionalInt.empty())));
  }

  private static JsonNode routed(String country, String region) {
    return routing(RoutingDecision.Outcome.ROUTED, country, region);
  }

  private static JsonNode routing(RoutingDecision.Outcome outcome, String country, String region) {
    RoutingDecision d =
        new RoutingDecision(
            outcome,
            outcome == RoutingDecision.Outcome.REVIEW ? Optional.empty() : Optional.of("DEMO-X"),
            outcome == RoutingDecision.Outcome.INTERNATIONAL_REFERRAL,
            Optional.of(country),
            Optional.of(region),
            List.of("test"),
            List.of());
    try {
      return TipJson.mapper().readTree(AssessmentRepository.toJson(d));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The bundled file with the Fifth Circuit relaxed and a review recorded: a test rule file. */
  private static GateRuleSet relaxedFifthCircuit() {
    try (var in = GateRuleSet.class.getResourceAsStream(GateRuleSet.RESOURCE)) {
      String yaml =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replaceFirst(
                  "(id: US-CA5\\n    name: Fifth Circuit\\n    mode:) strict", "$1 relaxed")
              .replace("reviewed_by: null", "reviewed_by: counsel@example.org")
              .replace("reviewed_on: null", "reviewed_on: 2026-11-22");
      return GateRuleSet.parse(yaml.getBytes(StandardCharsets.UTF_8), "relaxed-ca5-test.yaml");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
