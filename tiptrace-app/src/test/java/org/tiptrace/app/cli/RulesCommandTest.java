package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.rules.RuleKind;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.TipJson;

/**
 * {@code tiptrace rules list|show|submit|activate} on the real store (H2 and PostgreSQL): the jar's
 * files seeded as version 1, a refused file stores nothing and names its lines, an activated triage
 * version re-scores the stored tips (their results record the stored version), a roll-back, and the
 * viewing gate's counsel-review check.
 */
class RulesCommandTest {
  @TempDir Path dir;
  @AutoClose CliRun cli;

  private CliRun.Result ok(String... args) {
    CliRun.Result r = cli.run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(ExitCodes.OK);
    return r;
  }

  private CliRun.Result refused(String... args) {
    CliRun.Result r = cli.run(args);
    assertThat(r.exitCode())
        .as(String.join(" ", args) + "\n" + r.out() + r.err())
        .isEqualTo(ExitCodes.NOT_ACCEPTED);
    return r;
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  static String jar(RuleKind kind) {
    try (InputStream in =
        Objects.requireNonNull(RulesCommandTest.class.getResourceAsStream(kind.resource()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode firstQueueItem() throws IOException {
    return TipJson.mapper().readTree(ok("queue", "--json").out()).path("items").get(0);
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void submitActivateRescoreAndRollBack(TestBackend database) throws IOException {
    cli = CliRun.on(database, dir);
    ok("ingest", write("tip.json", TestDocuments.leJson("5550001", "rules-user")).toString());
    assertThat(ok("rules", "list").out()).startsWith("* v1  2026.11-2  ").contains("system");
    JsonNode before = firstQueueItem();
    assertThat(before.path("rulesVersion").asText()).isEqualTo("v1 (2026.11-2)");

    // Refused: two problems, each with its line; nothing stored.
    Path broken = write("broken.yaml", TriageRulesFixtures.broken());
    CliRun.Result r = refused("rules", "submit", broken.toString(), "--note", "typo");
    assertThat(r.err())
        .contains(broken + ": line ")
        .contains("rule 'incident.childPornography': points: 'lots' is not an integer")
        .contains("effective: 'someday' is not a date")
        .contains("refused; nothing was stored");
    assertThat(ok("rules", "list").out().lines()).hasSize(1);

    // A new version: tiers lowered so the stored tip moves up a tier.
    String candidate =
        TriageRulesFixtures.candidate(10)
            .replace("  tier1: 100", "  tier1: 3")
            .replace("  tier2: 60", "  tier2: 2")
            .replace("  tier3: 30", "  tier3: 1");
    Path file = write("candidate.yaml", candidate);
    assertThat(ok("rules", "submit", file.toString(), "--note", "lower tiers").out())
        .contains("Stored triage v2 (2026.11-2-candidate) (inactive)");
    assertThat(ok("rules", "show", "v2").out()).isEqualTo(candidate);
    assertThat(ok("rules", "show", "2", "--diff").out())
        .contains("--- triage v1 (2026.11-2) (active)")
        .contains("-  tier1: 100")
        .contains("+  tier1: 3");
    assertThat(firstQueueItem().path("rulesVersion").asText())
        .as("stored, not active: nothing re-scored")
        .isEqualTo("v1 (2026.11-2)");

    assertThat(ok("rules", "activate", "2", "--note", "pilot").out())
        .contains("Active: triage v2 (2026.11-2-candidate) (was triage v1 (2026.11-2))")
        .contains("Re-scored 1 tips");
    JsonNode after = firstQueueItem();
    assertThat(after.path("rulesVersion").asText()).isEqualTo("v2 (2026.11-2-candidate)");
    assertThat(after.path("tier").asText()).isEqualTo("TIER_1");
    assertThat(before.path("tier").asText()).isNotEqualTo("TIER_1");
    assertThat(ok("rules", "list").out().lines())
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith("  v1  2026.11-2  "))
        .anySatisfy(l -> assertThat(l).startsWith("* v2  2026.11-2-candidate  "));
    refused("rules", "activate", "2");
    refused("rules", "activate", "7");

    // Roll back.
    assertThat(ok("rules", "activate", "v1").out()).contains("Re-scored 1 tips");
    JsonNode back = firstQueueItem();
    assertThat(back.path("rulesVersion").asText()).isEqualTo("v1 (2026.11-2)");
    assertThat(back.path("tier").asText()).isEqualTo(before.path("tier").asText());
    assertThat(back.path("score").asInt()).isEqualTo(before.path("score").asInt());

    List<AuditEntry> audit = cli.database().auditLog().read(0, 1000);
    assertThat(audit)
        .filteredOn(e -> e.action() == AuditAction.RULE_SET_REFUSED)
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("broken.yaml").contains("line "));
    assertThat(audit)
        .filteredOn(e -> e.action() == AuditAction.RULE_SET_SUBMITTED)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.subjectId()).isEqualTo("triage/v2");
              assertThat(e.actor()).startsWith("cli:");
              assertThat(e.detail()).contains("note: lower tiers");
            });
    assertThat(audit)
        .filteredOn(e -> e.action() == AuditAction.RULE_SET_ACTIVATED)
        .extracting(AuditEntry::detail)
        .anySatisfy(
            d -> assertThat(d).contains("triage v1 (2026.11-2) -> triage v2").contains("pilot"))
        .anySatisfy(d -> assertThat(d).contains("(roll-back)"))
        .anySatisfy(
            d ->
                assertThat(d)
                    .startsWith("refused: triage v2 (2026.11-2-candidate) is already active"));
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aGateVersionActivatesOnlyWithACounselReview(TestBackend database) throws IOException {
    cli = CliRun.on(database, dir);
    String gate = jar(RuleKind.VIEWING_GATE);
    assertThat(ok("rules", "list", "--kind", "viewing-gate").out()).startsWith("* v1  1  ");

    // The file's version must be the stored version it gets.
    CliRun.Result wrong =
        refused(
            "rules",
            "submit",
            "--kind",
            "viewing-gate",
            write("same.yaml", gate).toString(),
            "--note",
            "copy");
    assertThat(wrong.err()).contains("version: 1 must be 2");

    String unreviewed = gate.replace("version: 1", "version: 2");
    ok(
        "rules",
        "submit",
        "--kind",
        "viewing-gate",
        write("v2.yaml", unreviewed).toString(),
        "--note",
        "draft for counsel");
    CliRun.Result notReviewed = refused("rules", "activate", "--kind", "viewing-gate", "2");
    assertThat(notReviewed.err())
        .contains("records no counsel review")
        .contains("does not give legal advice");

    String reviewed =
        gate.replace("version: 1", "version: 3")
            .replace(
                "reviewed_by: null # no counsel review recorded yet",
                "reviewed_by: Counsel Example (counsel@example.org)")
            .replace("reviewed_on: null", "reviewed_on: 2026-11-22");
    ok(
        "rules",
        "submit",
        "--kind",
        "viewing-gate",
        write("v3.yaml", reviewed).toString(),
        "--note",
        "reviewed by counsel");
    assertThat(ok("rules", "activate", "--kind", "viewing-gate", "3").out())
        .contains("Active: viewing-gate v3 (3)")
        .doesNotContain("Re-scored");
    JsonNode gates =
        TipJson.mapper().readTree(ok("rules", "list", "--kind", "viewing-gate", "--json").out());
    assertThat(gates).hasSize(3);
    assertThat(gates.get(2).path("active").asBoolean()).isTrue();
    assertThat(gates.get(2).path("fileVersion").asText()).isEqualTo("3");
    assertThat(gates.get(0).path("active").asBoolean()).isFalse();
    // Rolling back to the jar's unreviewed file is refused like any unreviewed version.
    assertThat(refused("rules", "activate", "--kind", "viewing-gate", "1").err())
        .contains("records no counsel review");
    assertThat(cli.run("rules", "list", "--kind", "speeding").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }
}
