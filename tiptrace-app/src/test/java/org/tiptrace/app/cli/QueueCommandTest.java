package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrace.intake.IntakeResult;
import org.tiptrace.synth.SyntheticDataSet;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.triage.Tier;

/** {@code tiptrace queue} and {@code triage replay} on synthetic tips ingested into H2. */
class QueueCommandTest {
  private static final Instant NOW = Instant.parse("2026-06-02T00:00:00Z");
  private static final int TIPS = 40;

  @TempDir static Path dir;
  private static CliH2 cli;
  private static Path asn;
  private static final Map<Long, String> CYBERTIPS = new HashMap<>();

  @BeforeAll
  static void fill() throws Exception {
    cli = new CliH2(NOW);
    List<IntakeResult> mine =
        cli.ingest(new AgencyId("LOCAL"), SyntheticDataSet.documents(7, TIPS));
    for (IntakeResult r : mine) {
      long id = r.tipId().orElseThrow().value();
      CYBERTIPS.put(
          id,
          cli.backend
              .tips()
              .find(new AgencyId("LOCAL"), r.tipId().orElseThrow())
              .orElseThrow()
              .report()
              .cybertipReportId()
              .orElseThrow());
    }
    cli.ingest(new AgencyId("ICAC-OTHER"), SyntheticDataSet.documents(8, 5));
    asn =
        Files.writeString(
            dir.resolve("asn.csv"),
            """
            192.0.2.0,192.0.2.255,64496,Example Cable Co
            198.51.100.0,198.51.100.255,64499,Example DSL Networks
            203.0.113.0,203.0.113.255,64498,Example Business Fiber
            2001:db8::,2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,64496,Example Cable Co
            """);
  }

  @AfterAll
  static void close() {
    cli.close();
  }

  private static JsonNode json(CliH2.Result r) throws Exception {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    return TipJson.mapper().readTree(r.out());
  }

  /** Checks the JSON shape and the queue order; returns the items. */
  private static List<JsonNode> checkQueue(JsonNode q) {
    assertThat(q.path("agency").asText()).isEqualTo("LOCAL");
    assertThat(q.path("rulesVersion").asText()).isEqualTo("v1 (2026.11-2)");
    assertThat(q.path("total").asInt()).isEqualTo(TIPS);
    List<JsonNode> items = new ArrayList<>();
    q.path("items").forEach(items::add);
    assertThat(items).hasSize(TIPS);
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      assertThat(item.path("position").asInt()).isEqualTo(i + 1);
      long tip = item.path("tip").asLong();
      assertThat(CYBERTIPS).containsKey(tip);
      assertThat(item.path("cybertipReportId").asText()).isEqualTo(CYBERTIPS.get(tip));
      int sum = 0;
      for (JsonNode line : item.path("lines")) {
        assertThat(line.path("rule").asText()).isNotBlank();
        assertThat(line.path("detail").isTextual()).isTrue();
        sum += line.path("points").asInt();
      }
      assertThat(sum)
          .as("lines of tip %d sum to its score", tip)
          .isEqualTo(item.path("score").asInt());
      assertThat(item.path("reasons").isArray()).isTrue();
      assertThat(item.path("notes").isArray()).isTrue();
      if (i > 0) {
        JsonNode prev = items.get(i - 1);
        int prevTier = Tier.valueOf(prev.path("tier").asText()).rank();
        int tier = Tier.valueOf(item.path("tier").asText()).rank();
        assertThat(prevTier).isLessThanOrEqualTo(tier);
        if (prevTier == tier) {
          String pd = prev.path("deadline").asText("");
          String d = item.path("deadline").asText("");
          if (!pd.isEmpty() && !d.isEmpty()) {
            assertThat(Instant.parse(pd)).isBeforeOrEqualTo(Instant.parse(d));
          }
          assertThat(pd.isEmpty() && !d.isEmpty()).as("deadlines before none").isFalse();
          if (pd.equals(d)) {
            assertThat(prev.path("score").asInt())
                .isGreaterThanOrEqualTo(item.path("score").asInt());
          }
        }
      }
    }
    return items;
  }

  @Test
  void withoutIpDataEveryCaptureIsNotChecked() throws Exception {
    JsonNode q = json(cli.run("queue", "--limit", "1000", "--json"));
    List<JsonNode> items = checkQueue(q);
    // The stored queue: computed on ingest (here, by catching up), with the stored assessments.
    assertThat(q.path("source").asText()).isEqualTo("stored");
    assertThat(q.path("ipData").asText()).isEqualTo("stored assessments");
    for (JsonNode item : items) {
      assertThat(item.path("deadline").isNull() || item.path("deadline").isMissingNode()).isTrue();
      assertThat(item.path("lines").findValuesAsText("rule")).doesNotContain("ip.attributable");
    }
    assertThat(items.stream().map(i -> i.path("notes").toString()))
        .anyMatch(n -> n.contains("not checked for attribution"));
  }

  @Test
  void withIpDataAttributableCapturesScoreAndDeadlinesOrderTheQueue() throws Exception {
    JsonNode q =
        json(cli.run("queue", "--limit", "1000", "--csv", asn.toString(), "--synthetic", "--json"));
    List<JsonNode> items = checkQueue(q);
    assertThat(q.path("ipData").asText()).isEqualTo("checked");
    assertThat(items)
        .anyMatch(i -> i.path("lines").findValuesAsText("rule").contains("ip.attributable"));
    assertThat(items).anyMatch(i -> !i.path("deadline").asText("").isEmpty());
    // Deadlines already past (LIKELY_EXPIRED) cannot be met: they do not order the queue.
    for (JsonNode i : items) {
      String deadline = i.path("deadline").asText("");
      if (!deadline.isEmpty()) {
        assertThat(Instant.parse(deadline)).isAfter(NOW);
      }
    }
  }

  @Test
  void productionModeMakesNoDocumentationAddressAttributable() throws Exception {
    JsonNode q = json(cli.run("queue", "--limit", "1000", "--csv", asn.toString(), "--json"));
    for (JsonNode item : checkQueue(q)) {
      assertThat(item.path("lines").findValuesAsText("rule")).doesNotContain("ip.attributable");
    }
  }

  @Test
  void textShowsTheTopOfTheQueueAndExplainsOnRequest() throws Exception {
    JsonNode q = json(cli.run("queue", "--limit", "3", "--json"));
    assertThat(q.path("items")).hasSize(3);
    assertThat(q.path("total").asInt()).isEqualTo(TIPS);

    CliH2.Result r = cli.run("queue", "--limit", "3");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("TIER").contains("SCORE", "DEADLINE", "TIP", "CYBERTIP");
    for (int i = 0; i < 3; i++) {
      JsonNode item = q.path("items").get(i);
      assertThat(lines.get(i + 1))
          .startsWith(item.path("tier").asText())
          .contains(" " + item.path("score").asInt() + " ")
          .contains(item.path("cybertipReportId").asText());
    }
    assertThat(lines.get(4)).startsWith("3 of " + TIPS + " tips, rules v1 (2026.11-2)");
    assertThat(lines.get(4)).endsWith("(stored)");

    CliH2.Result explained = cli.run("queue", "--limit", "1", "--explain");
    JsonNode first = q.path("items").get(0).path("lines").get(0);
    assertThat(explained.out())
        .contains(
            "    "
                + (first.path("points").asInt() >= 0 ? "+" : "")
                + first.path("points").asInt()
                + " "
                + first.path("rule").asText()
                + ": ");
  }

  @Test
  void anotherAgencySeesOnlyItsOwnTips() throws Exception {
    JsonNode q = json(cli.run("--agency", "ICAC-OTHER", "queue", "--json"));
    assertThat(q.path("total").asInt()).isEqualTo(5);
    for (JsonNode item : q.path("items")) {
      assertThat(CYBERTIPS).doesNotContainKey(item.path("tip").asLong());
    }
  }

  @Test
  void aCandidateRulesFileIsUsedAndABrokenOneIsExitTwo() throws Exception {
    Path rules = Files.writeString(dir.resolve("q-rules.yaml"), TriageRulesFixtures.candidate(40));
    JsonNode q = json(cli.run("queue", "--rules", rules.toString(), "--json"));
    assertThat(q.path("rulesVersion").asText()).isEqualTo("2026.11-2-candidate");

    Path broken = Files.writeString(dir.resolve("q-broken.yaml"), TriageRulesFixtures.broken());
    CliH2.Result r = cli.run("queue", "--rules", broken.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains(broken.toString());
    assertThat(r.out()).isEmpty();

    CliH2.Result missing = cli.run("queue", "--rules", dir.resolve("none.yaml").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INPUT);
  }

  @Test
  void aMissingIpDataFileIsExitThree() {
    CliH2.Result r = cli.run("queue", "--tor", dir.resolve("no-tor.txt").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("no-tor.txt");
  }
}
