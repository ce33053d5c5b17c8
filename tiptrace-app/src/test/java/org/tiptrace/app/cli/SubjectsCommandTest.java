package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.synth.SyntheticDataSet;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipJson;

/**
 * {@code tiptrace subjects}: a synthetic report ingested twice under two report numbers gives one
 * subject across two tips; a third copy for another agency stays out of this agency's view.
 */
class SubjectsCommandTest {
  private static CliH2 cli;
  private static long first;
  private static long copy;
  private static long foreign;

  @BeforeAll
  static void fill() {
    cli = new CliH2(Instant.parse("2026-06-02T00:00:00Z"));
    List<RawDocument> docs = new ArrayList<>(SyntheticDataSet.documents(21, 6));
    RawDocument original = docs.get(0);
    docs.add(renumbered(original, "copy"));
    var results = cli.ingest(new AgencyId("LOCAL"), docs);
    first = results.get(0).tipId().orElseThrow().value();
    copy = results.get(results.size() - 1).tipId().orElseThrow().value();
    foreign =
        cli.ingest(new AgencyId("ICAC-OTHER"), List.of(renumbered(original, "foreign")))
            .get(0)
            .tipId()
            .orElseThrow()
            .value();
  }

  /** The same document under another report number (same people, new source digest). */
  private static RawDocument renumbered(RawDocument doc, String tag) {
    String text = new String(doc.bytes(), StandardCharsets.UTF_8);
    String id = doc.name().replace("cybertip-", "").replace(".json", "");
    assertThat(text).contains(id);
    String other = tag.equals("copy") ? "9" + id.substring(1) : "8" + id.substring(1);
    return new RawDocument(
        "cybertip-" + other + ".json",
        text.replace(id, other).getBytes(StandardCharsets.UTF_8),
        doc.receivedAt());
  }

  @AfterAll
  static void close() {
    cli.close();
  }

  private static JsonNode json(CliH2.Result r) throws Exception {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    return TipJson.mapper().readTree(r.out());
  }

  private static String linkedSubject() throws Exception {
    JsonNode list = json(cli.run("subjects", "list", "--json"));
    for (JsonNode s : list.path("subjects")) {
      List<Long> tips = new ArrayList<>();
      s.path("tips").forEach(t -> tips.add(t.asLong()));
      assertThat(tips).hasSizeGreaterThan(1).doesNotContain(foreign);
      if (tips.contains(first) && tips.contains(copy)) {
        return s.path("id").asText();
      }
    }
    throw new AssertionError("no subject links tips " + first + " and " + copy + ": " + list);
  }

  @Test
  void theCopiedReportLinksBothTipsIntoOneSubject() throws Exception {
    String id = linkedSubject();
    JsonNode v = json(cli.run("subjects", "show", id, "--json"));
    assertThat(v.path("id").asText()).isEqualTo(id);
    assertThat(v.path("viewer").asText()).isEqualTo("LOCAL");
    assertThat(v.path("tips").toString()).contains(Long.toString(first), Long.toString(copy));
    assertThat(v.path("evidence").toString()).contains("same ");
    assertThat(v.path("tips").toString()).doesNotContain(Long.toString(foreign));

    CliH2.Result text = cli.run("subjects", "show", id);
    assertThat(text.out())
        .startsWith("Subject " + id + " (as seen by LOCAL)")
        .contains("Evidence:")
        .contains("    same ");

    JsonNode ofTip = json(cli.run("subjects", "list", "--tip", Long.toString(copy), "--json"));
    assertThat(ofTip.path("subjects").findValuesAsText("id")).contains(id);
  }

  @Test
  void aMemberIdResolvesToItsSubject() throws Exception {
    String id = linkedSubject();
    JsonNode v = json(cli.run("subjects", "show", id, "--json"));
    String member = v.path("members").get(v.path("members").size() - 1).asText();
    JsonNode viaMember = json(cli.run("subjects", "show", member, "--json"));
    assertThat(viaMember.path("id").asText()).isEqualTo(id);
  }

  @Test
  void anotherAgencySeesOnlyItsOwnTipOfTheSubjectAndUnknownIdsAreExitOne() throws Exception {
    String id = linkedSubject();
    // Linking is global (deconfliction needs it): the other agency's copy of the tip is in the
    // same subject, and the other agency sees its own tip and a count, nothing of LOCAL's.
    JsonNode other = json(cli.run("--agency", "ICAC-OTHER", "subjects", "show", id, "--json"));
    assertThat(other.path("tips")).hasSize(1);
    assertThat(other.path("tips").get(0).asLong()).isEqualTo(foreign);
    assertThat(other.path("otherAgencyTips").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(other.toString()).doesNotContain("\"t" + first + "/");
    CliH2.Result none = cli.run("--agency", "ICAC-NONE", "subjects", "show", id);
    assertThat(none.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(none.out()).isEmpty();

    assertThat(cli.run("subjects", "show", "S-t99999/R0").exitCode())
        .isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(cli.run("subjects", "list", "--tip", Long.toString(foreign)).exitCode())
        .isEqualTo(ExitCodes.NOT_ACCEPTED);
  }
}
