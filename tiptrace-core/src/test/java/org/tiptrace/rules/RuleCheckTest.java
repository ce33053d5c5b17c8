package org.tiptrace.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.tiptrace.tip.Sha256;

class RuleCheckTest {
  private static final Instant AT = Instant.parse("2026-11-23T04:00:00Z");

  static String jar(RuleKind kind) {
    try (InputStream in =
        Objects.requireNonNull(RuleKind.class.getResourceAsStream(kind.resource()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StoredRuleSet stored(RuleKind kind, int version, String fileVersion, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return new StoredRuleSet(
        kind, version, fileVersion, b, Sha256.of(b), "system", AT, "seed", true);
  }

  private static RuleCheck.Outcome check(RuleKind kind, String text, List<StoredRuleSet> stored) {
    return RuleCheck.check(kind, text.getBytes(StandardCharsets.UTF_8), "rules.yaml", stored);
  }

  /** The 1-based line of the first line of {@code text} containing {@code needle}. */
  private static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    assertThat(at).as(needle).isNotNegative();
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void theJarFilesPassAsFirstVersions() {
    assertThat(check(RuleKind.TRIAGE, jar(RuleKind.TRIAGE), List.of()))
        .isInstanceOfSatisfying(
            RuleCheck.Accepted.class, a -> assertThat(a.fileVersion()).isEqualTo("2026.11-2"));
    assertThat(check(RuleKind.VIEWING_GATE, jar(RuleKind.VIEWING_GATE), List.of()))
        .isInstanceOfSatisfying(
            RuleCheck.Accepted.class,
            a -> assertThat(a.summary()).contains("no counsel review recorded"));
  }

  @Test
  void triageProblemsNameTheirLines() {
    String yaml =
        jar(RuleKind.TRIAGE)
            .replace("version: \"2026.11-2\"", "version: \"2026.11-9\"")
            .replace(
                "  - name: incident.onlineEnticement\n    points: 40\n",
                "  - name: incident.onlineEnticement\n    points: lots\n")
            .replace("  tier1: 100", "  tier1: many");
    RuleCheck.Outcome o = check(RuleKind.TRIAGE, yaml, List.of());
    assertThat(o).isInstanceOf(RuleCheck.Refused.class);
    List<RuleProblem> problems = ((RuleCheck.Refused) o).problems();
    assertThat(problems)
        .contains(
            new RuleProblem(
                OptionalInt.of(lineOf(yaml, "  tier1: many")),
                "tiers.tier1: 'many' is not an integer"),
            new RuleProblem(
                OptionalInt.of(lineOf(yaml, "    points: lots")),
                "rule 'incident.onlineEnticement': points: 'lots' is not an integer"));
  }

  @Test
  void aYamlSyntaxErrorNamesItsLine() {
    String yaml = "version: \"x\"\ntiers:\n  tier1: [1,\n  tier2: 2\n";
    RuleCheck.Outcome o = check(RuleKind.TRIAGE, yaml, List.of());
    assertThat(((RuleCheck.Refused) o).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isPresent();
              assertThat(p.line().getAsInt()).isBetween(3, 5);
              assertThat(p.reason()).contains("not valid YAML");
            });
  }

  @Test
  void aTriageVersionAlreadyStoredIsRefused() {
    String yaml = jar(RuleKind.TRIAGE);
    RuleCheck.Outcome o =
        check(RuleKind.TRIAGE, yaml, List.of(stored(RuleKind.TRIAGE, 1, "2026.11-2", yaml)));
    assertThat(((RuleCheck.Refused) o).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).hasValue(lineOf(yaml, "version: \"2026.11-2\""));
              assertThat(p.reason()).contains("already stored as triage v1");
            });
  }

  /** Issue 3 §5: a submitted version may not weigh "not checked" like a known match. */
  @Test
  void aTriageVersionScoringNotCheckedLikeAKnownMatchIsRefused() {
    String yaml =
        jar(RuleKind.TRIAGE)
            .replace("version: \"2026.11-2\"", "version: \"2026.11-9\"")
            .replace(
                "  - name: hash.notChecked\n    points: 8\n",
                "  - name: hash.notChecked\n    points: 5\n");
    RuleCheck.Outcome o = check(RuleKind.TRIAGE, yaml, List.of());
    assertThat(((RuleCheck.Refused) o).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).hasValue(lineOf(yaml, "  - name: hash.notChecked") + 1);
              assertThat(p.reason()).contains("would score like a known abuse match");
            });
  }

  @Test
  void gateProblemsNameTheKeyAndLine() {
    String gate = jar(RuleKind.VIEWING_GATE);
    List<StoredRuleSet> stored = List.of(stored(RuleKind.VIEWING_GATE, 1, "1", gate));
    // The version must be the stored version the file gets.
    RuleCheck.Outcome same = check(RuleKind.VIEWING_GATE, gate, stored);
    assertThat(((RuleCheck.Refused) same).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).hasValue(lineOf(gate, "version: 1"));
              assertThat(p.reason()).startsWith("version: 1 must be 2");
            });
    // A rule's unknown basis: the parser's key, the line of that key.
    String bad =
        gate.replace("version: 1", "version: 2")
            .replace("    opens: publicly_available\n", "    opens: sometimes\n");
    RuleCheck.Outcome o = check(RuleKind.VIEWING_GATE, bad, stored);
    assertThat(((RuleCheck.Refused) o).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).hasValue(lineOf(bad, "    opens: sometimes"));
              assertThat(p.reason())
                  .startsWith("rules.GATE_PUBLIC.opens: 'sometimes' is not one of");
            });
    // A citation key missing from sources.
    String cite =
        gate.replace("version: 1", "version: 2")
            .replace("citations: [S15]\n", "citations: [S99]\n");
    RuleCheck.Outcome c = check(RuleKind.VIEWING_GATE, cite, stored);
    assertThat(((RuleCheck.Refused) c).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).contains("'S99' is not a key of 'sources'");
              assertThat(p.line()).hasValue(lineOf(cite, "citations: [S99]"));
            });
    // Reviewed, next version: accepted.
    String reviewed =
        gate.replace("version: 1", "version: 2")
            .replace(
                "reviewed_by: null # no counsel review recorded yet",
                "reviewed_by: Counsel Example")
            .replace("reviewed_on: null", "reviewed_on: 2026-11-20");
    assertThat(check(RuleKind.VIEWING_GATE, reviewed, stored))
        .isInstanceOfSatisfying(
            RuleCheck.Accepted.class,
            a -> assertThat(a.summary()).contains("reviewed by Counsel Example on 2026-11-20"));
  }

  @Test
  void emptyOversizedAndNonUtf8FilesAreRefused() {
    assertThat(RuleCheck.check(RuleKind.TRIAGE, new byte[0], "e.yaml", List.of()))
        .isEqualTo(
            new RuleCheck.Refused(
                List.of(new RuleProblem(OptionalInt.empty(), "the file is empty"))));
    assertThat(
            RuleCheck.check(
                RuleKind.TRIAGE, new byte[RuleCheck.MAX_BYTES + 1], "big.yaml", List.of()))
        .isInstanceOf(RuleCheck.Refused.class);
    byte[] latin1 = "version: 1\nnote: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(
            ((RuleCheck.Refused) RuleCheck.check(RuleKind.TRIAGE, latin1, "l.yaml", List.of()))
                .problems())
        .containsExactly(new RuleProblem(OptionalInt.of(2), "not UTF-8 text"));
  }
}
