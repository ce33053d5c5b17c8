package org.tiptrace.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateRuleSetTest {

  @Test
  void theBundledRuleSetIsStrictEverywhereAndCitesItsSources() {
    GateRuleSet rules = GateRuleSet.bundled();

    assertThat(rules.name()).isEqualTo("viewing-gate");
    assertThat(rules.version()).isPositive();
    assertThat(rules.notice()).contains("does not give legal advice");
    assertThat(rules.reviewedBy()).isEmpty();
    assertThat(rules.defaultJurisdiction().id()).isEqualTo("US-default");
    assertThat(rules.jurisdictions())
        .extracting(GateJurisdiction::id)
        .contains("US-CA2", "US-CA5", "US-CA6", "US-CA9", "US-CA10");
    assertThat(rules.jurisdictions())
        .allSatisfy(j -> assertThat(j.mode()).isEqualTo(GateMode.STRICT))
        .allSatisfy(j -> assertThat(j.relaxedBasisInForce()).isEmpty());
    assertThat(rules.jurisdictions()).allSatisfy(j -> assertThat(j.citations()).isNotEmpty());
    assertThat(rules.rules()).hasSize(8).allSatisfy(r -> assertThat(r.citations()).isNotEmpty());
    assertThat(rules.rule(GateScope.CONTENT, GateBasis.NONE).id()).isEqualTo("GATE_BLOCK");
    assertThat(rules.rule(GateScope.CONTENT, GateBasis.ESP_VIEWED).citations())
        .extracting(Citation::key)
        .contains("S15");
    assertThat(rules.rule(GateScope.CONTENT, GateBasis.ESP_VIEWED).citations().get(0).text())
        .contains("Wilson");
  }

  /** Each broken copy of the bundled file fails naming the file, the key and the reason. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "version: 1|version: 0|counsel.yaml: version: required, a whole number >= 1",
        "effective_from: 2026-11-23|effective_from: 23.11.2026|counsel.yaml: effective_from: '23.11.2026' is not a date",
        "    opens: publicly_available|    opens: maybe|counsel.yaml: rules.GATE_PUBLIC.opens: 'maybe' is not one of",
        "    citations: [S15, S16, S18]|    citations: [S99]|counsel.yaml: rules.GATE_ESP_VIEWED.citations[0]: 'S99' is not a key of 'sources'",
        "    mode: strict|    mode: hash_match|counsel.yaml: jurisdictions.US-default.mode: 'hash_match' is not one of [strict, relaxed]",
        "    mode: strict|    mode: relaxed|counsel.yaml: jurisdictions.US-default.mode: a relaxed entry must name its relaxed_basis",
        "relaxed_basis:\\n      opens: known_abuse_hash_match|relaxed_basis:\\n      opens: warrant|counsel.yaml: jurisdictions.US-CA5.relaxed_basis.opens: only known_abuse_hash_match can be a relaxed basis",
        "      match_methods: [exact_md5, exact_sha1, exact_sha256]|      match_methods: [exact_md5, fuzzy]|counsel.yaml: jurisdictions.US-CA5.relaxed_basis.match_methods[1]: 'fuzzy' is not one of",
        "    applies_to: content\\n    opens: known_abuse_hash_match|    applies_to: exif\\n    opens: known_abuse_hash_match|counsel.yaml: rules.GATE_HASH_MATCH.opens: an EXIF rule cannot open on known_abuse_hash_match",
        "    applies_to: content\\n    opens: known_abuse_hash_match|    applies_to: content\\n    applies_to: exif\\n    opens: known_abuse_hash_match|counsel.yaml: rules[3].applies_to: duplicate key",
        "default_jurisdiction: US-default|default_jurisdiction: US-CA99|counsel.yaml: default_jurisdiction: 'US-CA99' is not one of the jurisdictions",
        "  - id: GATE_EXIF_WARRANT|  - id: GATE_WARRANT|counsel.yaml: rules[6].id: duplicate rule id 'GATE_WARRANT'",
        "notice: >-|notice_text: >-|counsel.yaml: notice_text: unknown key",
        "    applies_to: exif\\n    opens: nothing|    applies_to: exif\\n    opens: publicly_available|counsel.yaml: rules.GATE_EXIF_BLOCK.opens: an EXIF rule cannot open on publicly_available",
      })
  void aBrokenFileIsRefusedNamingTheKey(String from, String to, String message) throws IOException {
    String original = bundled();
    String broken =
        original.replaceFirst(java.util.regex.Pattern.quote(unescape(from)), unescape(to));
    assertThat(broken).isNotEqualTo(original);

    // The message reads "counsel.yaml:LINE: key: reason", the line being the offending value's.
    String rest = message.substring("counsel.yaml: ".length());
    assertThatThrownBy(() -> load(broken))
        .isInstanceOf(RuleSetException.class)
        .hasMessageMatching("counsel\\.yaml:[1-9][0-9]*: " + Pattern.quote(rest) + "(?s).*")
        .satisfies(
            e -> {
              RuleSetException r = (RuleSetException) e;
              assertThat(r.source()).isEqualTo("counsel.yaml");
              assertThat(r.line()).isPositive();
              assertThat(unescape(to).lines().map(String::strip).toList())
                  .as("the named line holds the changed text")
                  .contains(broken.lines().skip(r.line() - 1).findFirst().orElseThrow().strip());
            });
  }

  @Test
  void anErrorNamesTheLineOfTheOffendingValue() {
    String yaml = bundled().replace("version: 1", "version: 0");
    int line = (int) yaml.lines().takeWhile(l -> !l.startsWith("version:")).count() + 1;

    assertThatThrownBy(() -> GateRuleSet.parse(yaml.getBytes(StandardCharsets.UTF_8), "db v7"))
        .isInstanceOf(RuleSetException.class)
        .hasMessage("db v7:" + line + ": version: required, a whole number >= 1")
        .extracting(e -> ((RuleSetException) e).key())
        .isEqualTo("version");
  }

  @Test
  void aRelaxedEntryNeedsARecordedReviewAndTheDefaultIsNeverRelaxed() {
    String relaxedCa5 =
        bundled()
            .replaceFirst("(id: US-CA5\n    name: Fifth Circuit\n    mode:) strict", "$1 relaxed");
    assertThat(relaxedCa5).isNotEqualTo(bundled());
    assertThatThrownBy(() -> load(relaxedCa5))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining(
            "jurisdictions.US-CA5.mode: a relaxed entry needs a recorded counsel review");

    String reviewed =
        relaxedCa5
            .replace("reviewed_by: null", "reviewed_by: counsel@example.org")
            .replace("reviewed_on: null", "reviewed_on: 2026-11-22");
    GateRuleSet rules = load(reviewed);
    GateJurisdiction ca5 = rules.jurisdictionFor(java.util.Optional.of("US-CA5"));
    assertThat(ca5.mode()).isEqualTo(GateMode.RELAXED);
    assertThat(ca5.relaxedBasisInForce().orElseThrow().opens())
        .isEqualTo(GateBasis.KNOWN_ABUSE_HASH_MATCH);
    assertThat(rules.jurisdictionFor(java.util.Optional.of("US-CA9")).mode())
        .isEqualTo(GateMode.STRICT);
    assertThat(rules.jurisdictionFor(java.util.Optional.empty()).id()).isEqualTo("US-default");

    String relaxedDefault =
        reviewed.replace("default_jurisdiction: US-default", "default_jurisdiction: US-CA5");
    assertThatThrownBy(() -> load(relaxedDefault))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("'US-CA5' must be strict")
        .hasMessageContaining("unknown is never relaxed");
  }

  @Test
  void everyCircuitOfTheTableHasAStrictEntryDocumentingTheSplit() {
    GateRuleSet rules = GateRuleSet.bundled();
    CircuitTable circuits = CircuitTable.bundled();

    assertThat(rules.jurisdictions())
        .extracting(GateJurisdiction::id)
        .filteredOn(id -> !id.equals("US-default"))
        .containsExactlyInAnyOrderElementsOf(
            circuits.circuits().stream().map(CircuitTable.Circuit::id).toList());
    // The 5th and 6th Circuits document what relaxing them would accept, without enabling it.
    for (String id : java.util.List.of("US-CA5", "US-CA6")) {
      GateJurisdiction j = rules.jurisdictionFor(java.util.Optional.of(id));
      assertThat(j.relaxedBasis()).as(id).isPresent();
      assertThat(j.relaxedBasis().orElseThrow().citations())
          .extracting(Citation::key)
          .containsExactly("S17");
      assertThat(j.relaxedBasisInForce()).as(id).isEmpty();
    }
  }

  @Test
  void anIncompleteTableIsRefused() throws IOException {
    String broken =
        bundled()
            .replaceFirst(
                "  - id: GATE_BLOCK\n    applies_to: content\n    opens: nothing",
                "  - id: GATE_BLOCK\n    applies_to: exif\n    opens: nothing");

    assertThatThrownBy(() -> load(broken))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining(
            "counsel.yaml:70: rules.GATE_EXIF_BLOCK: rule GATE_BLOCK already covers");
  }

  @Test
  void aNoticeThatDoesNotDisclaimLegalAdviceIsRefused() throws IOException {
    String broken =
        bundled()
            .replaceFirst(
                "(?s)notice: >-.*?\n# The entry",
                "notice: \"Tiptrace decides what may be viewed.\"\n# The entry");

    assertThatThrownBy(() -> load(broken))
        .hasMessageMatching(
            "counsel\\.yaml:[0-9]+: notice: must say that Tiptrace does not give legal advice");
  }

  @Test
  void yamlThatDoesNotParseNamesTheFile() {
    assertThatThrownBy(() -> load("rules: [unclosed"))
        .isInstanceOf(RuleSetException.class)
        .hasMessageStartingWith("counsel.yaml:1: not valid YAML");
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n");
  }

  private static GateRuleSet load(String yaml) {
    return GateRuleSet.parse(yaml.getBytes(StandardCharsets.UTF_8), "counsel.yaml");
  }

  private static String bundled() {
    try (var in = GateRuleSet.class.getResourceAsStream(GateRuleSet.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
