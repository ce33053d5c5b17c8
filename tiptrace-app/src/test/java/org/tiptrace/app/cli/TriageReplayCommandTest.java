package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrace.synth.SyntheticDataSet;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.triage.Tier;

/** {@code tiptrace triage replay} on synthetic tips ingested into H2. */
class TriageReplayCommandTest {
  private static final int TIPS = 60;

  @TempDir static Path dir;
  private static CliH2 cli;

  @BeforeAll
  static void fill() {
    cli = new CliH2(Instant.parse("2026-06-02T00:00:00Z"));
    cli.ingest(new AgencyId("LOCAL"), SyntheticDataSet.documents(11, TIPS));
  }

  @AfterAll
  static void close() {
    cli.close();
  }

  @Test
  void aCandidateRaisingAnIncidentRaisesTiersAndNamesTheChangedLine() throws Exception {
    Path rules =
        Files.writeString(dir.resolve("candidate.yaml"), TriageRulesFixtures.candidate(40));
    CliH2.Result r = cli.run("triage", "replay", "--rules", rules.toString(), "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = TipJson.mapper().readTree(r.out());
    assertThat(j.path("oldVersion").asText()).isEqualTo("v1 (2026.11-2)");
    assertThat(j.path("newVersion").asText()).isEqualTo("2026.11-2-candidate");
    assertThat(j.path("tips").asInt()).isEqualTo(TIPS);
    int changed = j.path("changed").asInt();
    assertThat(changed).isPositive().isEqualTo(j.path("changes").size());
    assertThat(j.path("raised").asInt()).isEqualTo(changed);
    assertThat(j.path("lowered").asInt()).isZero();
    for (JsonNode c : j.path("changes")) {
      assertThat(Tier.valueOf(c.path("newTier").asText()).rank())
          .isLessThan(Tier.valueOf(c.path("oldTier").asText()).rank());
      assertThat(c.path("scoreDelta").asInt())
          .isEqualTo(c.path("newScore").asInt() - c.path("oldScore").asInt())
          .isPositive()
          .isLessThanOrEqualTo(30);
      assertThat(c.path("changedLines").toString()).contains("incident.childPornography: 10 -> 40");
      assertThat(c.path("cybertipReportId").asText()).isNotBlank();
    }

    CliH2.Result text = cli.run("triage", "replay", "--rules", rules.toString());
    assertThat(text.exitCode()).isZero();
    JsonNode first = j.path("changes").get(0);
    assertThat(text.out())
        .contains(
            "tip "
                + first.path("tip").asLong()
                + " (CyberTip "
                + first.path("cybertipReportId").asText()
                + "): "
                + first.path("oldTier").asText()
                + " -> "
                + first.path("newTier").asText()
                + ", score "
                + first.path("oldScore").asInt()
                + " -> "
                + first.path("newScore").asInt()
                + " (+"
                + first.path("scoreDelta").asInt()
                + ")")
        .contains("    incident.childPornography: 10 -> 40")
        .contains(
            changed
                + " of "
                + TIPS
                + " tips change tier ("
                + changed
                + " up, 0 down), rules v1 (2026.11-2) -> 2026.11-2-candidate");
  }

  @Test
  void theCurrentRulesAsCandidateChangeNothing() {
    Path same =
        writeUnchecked(
            "same.yaml",
            TriageRulesFixtures.candidate(10).replace("2026.11-2-candidate", "2026.11-2-copy"));
    CliH2.Result r = cli.run("triage", "replay", "--rules", same.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().strip())
        .isEqualTo(
            "0 of "
                + TIPS
                + " tips change tier (0 up, 0 down), rules v1 (2026.11-2) -> 2026.11-2-copy");
  }

  @Test
  void aLowerCandidateLowersTiers() throws Exception {
    Path rules = writeUnchecked("lower.yaml", TriageRulesFixtures.candidate(0));
    JsonNode j =
        TipJson.mapper()
            .readTree(cli.run("triage", "replay", "--rules", rules.toString(), "--json").out());
    assertThat(j.path("changed").asInt()).isPositive();
    for (JsonNode c : j.path("changes")) {
      assertThat(c.path("scoreDelta").asInt()).isNegative();
    }
    assertThat(j.path("lowered").asInt()).isEqualTo(j.path("changed").asInt());
  }

  @Test
  void aRulesFileWithErrorsIsExitTwoListingEveryProblem() {
    Path bad = writeUnchecked("broken.yaml", TriageRulesFixtures.broken());
    CliH2.Result r = cli.run("triage", "replay", "--rules", bad.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    List<String> lines = r.err().lines().toList();
    assertThat(lines.get(0)).contains(bad.toString()).contains("2 problems");
    assertThat(r.err())
        .contains("  rule 'incident.childPornography': points: 'lots' is not an integer")
        .contains("  effective: 'someday' is not a date");
  }

  @Test
  void aMissingRulesFileIsExitThreeAndNoRulesIsAUsageError() {
    CliH2.Result r = cli.run("triage", "replay", "--rules", dir.resolve("absent.yaml").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("absent.yaml");
    assertThat(cli.run("triage", "replay").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  private static Path writeUnchecked(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
