package org.tiptrace.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TriageRulesTest {

  private static String shipped() throws IOException {
    try (InputStream in = TriageRules.class.getResourceAsStream(TriageRules.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static TriageRulesException failure(String yaml) {
    try {
      TriageRules.parse(yaml, "candidate.yaml");
    } catch (TriageRulesException e) {
      return e;
    }
    throw new AssertionError("expected the rule file to be refused");
  }

  @Test
  void theShippedRulesLoadWithVersionDateAndEveryRule() {
    TriageRules rules = TriageRules.defaults();
    assertThat(rules.version()).isEqualTo("2026.11-2");
    assertThat(rules.effective()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(rules.rules()).hasSize(Factor.values().length);
    assertThat(rules.rules()).allSatisfy(r -> assertThat(r.rationale()).isNotBlank());
  }

  @Test
  void aGenerativeAiDeductionIsRefusedNamingRuleAndValue() throws IOException {
    String yaml =
        shipped()
            .replace(
                "name: file.generativeAi\n    points: 0",
                "name: file.generativeAi\n    points: -15");
    assertThat(failure(yaml).problems())
        .containsExactly(
            "rule 'file.generativeAi': points -15 must be between 0 and 500 (a generative-AI flag never lowers a score)");
  }

  @Test
  void unknownMissingDuplicateAndNonIntegerRulesAreEachNamed() throws IOException {
    String yaml =
        shipped()
            .replace("name: incident.childSexTourism", "name: incident.childSexTour")
            .replace(
                "name: file.bestiality\n    points: 10", "name: file.bestiality\n    points: ten")
            .replace("name: ip.perishable", "name: ip.attributable");
    TriageRulesException e = failure(yaml);
    assertThat(e.problems()).contains("rule 'file.bestiality': points: 'ten' is not an integer");
    // Non-integer values stop the read before cross-rule checks; fix and check again.
    TriageRulesException second = failure(yaml.replace("points: ten", "points: 10"));
    assertThat(second.problems())
        .containsExactlyInAnyOrder(
            "rule 'incident.childSexTour': unknown rule name",
            "rule 'ip.attributable': given more than once",
            "rule 'incident.childSexTourism': is missing",
            "rule 'ip.perishable': is missing");
    assertThat(second.getMessage()).startsWith("candidate.yaml: ");
  }

  @Test
  void tiersCapsDeductionsAndFloorsAreChecked() throws IOException {
    String yaml =
        shipped()
            .replace("tier2: 60", "tier2: 120")
            .replace("points: 12\n    cap: 36", "points: 12")
            .replace("points: -10", "points: 10")
            .replace("when: annotation.sextortion", "when: annotation.sextortionn");
    assertThat(failure(yaml).problems())
        .containsExactlyInAnyOrder(
            "tiers: thresholds must fall strictly, tier1 > tier2 > tier3 > 0, were 100, 120, 30",
            "rule 'hash.possibleNewMaterial': a per-unit rule needs a cap",
            "rule 'hash.allKnownGood': points 10 must be between -500 and 0",
            "floor 'floor.sextortion': when 'annotation.sextortionn' is not a rule name");
  }

  @Test
  void missingVersionDateAndBrokenYamlAreReported() throws IOException {
    String yaml =
        shipped()
            .replace("version: \"2026.11-2\"", "")
            .replace("effective: 2026-11-23", "effective: 23/11/2026");
    assertThat(failure(yaml).problems())
        .containsExactlyInAnyOrder(
            "version: is missing", "effective: '23/11/2026' is not a date (yyyy-mm-dd)");
    assertThatThrownBy(() -> TriageRules.parse("rules: [\n", "broken.yaml"))
        .isInstanceOf(TriageRulesException.class)
        .hasMessageStartingWith("broken.yaml: not valid YAML")
        .hasCauseInstanceOf(IOException.class);
  }

  /**
   * Issue 3 §5 and §6: rule set 2026.11-1 gave hash.notChecked and hash.knownMatch the same 5
   * points, so a tip whose files were never checked scored like a known abuse match. The shipped
   * version scores them apart; a version that weighs them alike still loads (old stored versions
   * stay readable) but names the problem, which a submission refuses.
   */
  @Test
  void notCheckedNeverWeighsLikeAKnownMatchOrLikeNoMatch() throws IOException {
    TriageRules shipped = TriageRules.defaults();
    assertThat(shipped.hashVerdictProblems()).isEmpty();
    int notChecked = shipped.rule("hash.notChecked").points();
    assertThat(notChecked)
        .isGreaterThan(shipped.rule("hash.knownMatch").points())
        .isLessThan(shipped.rule("hash.possibleNewMaterial").points());

    String old =
        shipped()
            .replace("version: \"2026.11-2\"", "version: \"2026.11-1\"")
            .replace(
                "  - name: hash.notChecked\n    points: 8\n",
                "  - name: hash.notChecked\n    points: 5\n");
    TriageRules v1 = TriageRules.parse(old, "v1.yaml");
    assertThat(v1.rule("hash.notChecked").points()).isEqualTo(5);
    assertThat(v1.hashVerdictProblems())
        .containsExactly(
            "rule 'hash.notChecked': points 5 equals rule 'hash.knownMatch': a file never checked"
                + " against any set would score like a known abuse match");
    TriageRules zero = shipped.withPoints("hash.notChecked", 0, "z");
    assertThat(zero.hashVerdictProblems()).singleElement().asString().contains("must be above 0");
    TriageRules likeNew = shipped.withPoints("hash.notChecked", 12, "n");
    assertThat(likeNew.hashVerdictProblems())
        .singleElement()
        .asString()
        .contains("would score like one checked with no match");
  }
}
