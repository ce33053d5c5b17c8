package org.tiptrace.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        .allSatisfy(j -> assertThat(j.policy()).isEqualTo(GatePolicy.STRICT));
    assertThat(rules.jurisdictions()).allSatisfy(j -> assertThat(j.citations()).isNotEmpty());
    assertThat(rules.rules()).hasSize(7).allSatisfy(r -> assertThat(r.citations()).isNotEmpty());
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
        "    policy: STRICT|    policy: HASH_MATCH|counsel.yaml: jurisdictions.US-default.policy: 'HASH_MATCH' is not one of [strict]",
        "default_jurisdiction: US-default|default_jurisdiction: US-CA99|counsel.yaml: default_jurisdiction: 'US-CA99' is not one of the jurisdictions",
        "  - id: GATE_EXIF_WARRANT|  - id: GATE_WARRANT|counsel.yaml: rules[5].id: duplicate rule id 'GATE_WARRANT'",
        "notice: >-|notice_text: >-|counsel.yaml: notice_text: unknown key",
        "    applies_to: exif\\n    opens: nothing|    applies_to: exif\\n    opens: publicly_available|counsel.yaml: rules.GATE_EXIF_BLOCK.opens: an EXIF rule cannot open on publicly_available",
      })
  void aBrokenFileIsRefusedNamingTheKey(String from, String to, String message) throws IOException {
    String original = bundled();
    String broken =
        original.replaceFirst(java.util.regex.Pattern.quote(unescape(from)), unescape(to));
    assertThat(broken).isNotEqualTo(original);

    assertThatThrownBy(() -> load(broken))
        .isInstanceOf(RuleSetException.class)
        .hasMessageStartingWith(message);
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
            "counsel.yaml: rules.GATE_EXIF_BLOCK: rule GATE_BLOCK already covers");
  }

  @Test
  void aNoticeThatDoesNotDisclaimLegalAdviceIsRefused() throws IOException {
    String broken =
        bundled()
            .replaceFirst(
                "(?s)notice: >-.*?\n# The jurisdiction",
                "notice: \"Tiptrace decides what may be viewed.\"\n# The jurisdiction");

    assertThatThrownBy(() -> load(broken))
        .hasMessage("counsel.yaml: notice: must say that Tiptrace does not give legal advice");
  }

  @Test
  void yamlThatDoesNotParseNamesTheFile() {
    assertThatThrownBy(() -> load("rules: [unclosed"))
        .isInstanceOf(RuleSetException.class)
        .hasMessageStartingWith("counsel.yaml: not valid YAML");
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n");
  }

  private static GateRuleSet load(String yaml) throws IOException {
    return GateRuleSet.load(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "counsel.yaml");
  }

  private static String bundled() throws IOException {
    try (var in = GateRuleSet.class.getResourceAsStream(GateRuleSet.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
