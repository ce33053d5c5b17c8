package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.TipJson;

/**
 * Ingest assesses each new tip's IP events with the IP data options and {@code tips show} prints
 * them. The CLI's clock is 2026-01-02T03:04:05Z; the events are from 2025-12-20, inside the 90 days
 * of the fictional CGNAT ISP AS64499.
 */
class IngestIpAssessmentTest {
  /** No port, on the CGNAT ISP's range. */
  private static final String NO_PORT = "192.0.2.200";

  /** With port, on the same range. */
  private static final String WITH_PORT = "192.0.2.145";

  @TempDir Path dir;
  @AutoClose CliRun cli;

  /** The reference LE JSON with two of its captures moved onto the CGNAT range, recently. */
  private Path document() throws IOException {
    String json =
        TestDocuments.referenceLeJson()
            .replace(
                "\"value\": \"198.51.100.23\", \"dateTime\": \"2024-11-02T10:11:47Z\", \"port\":"
                    + " 50314",
                "\"value\": \""
                    + NO_PORT
                    + "\", \"dateTime\": \"2025-12-20T10:00:00Z\", \"port\": null")
            .replace(
                "\"value\": \"192.0.2.145\", \"dateTime\": \"2025-03-14T19:40:55Z\"",
                "\"value\": \"" + WITH_PORT + "\", \"dateTime\": \"2025-12-20T11:00:00Z\"");
    assertThat(json).contains(NO_PORT).contains("2025-12-20T11:00:00Z");
    Path file = dir.resolve("tip.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  /** A fictional ip-location-db ASN range file: the CGNAT DSL ISP on 192.0.2.128/25. */
  private Path csv() throws IOException {
    Path file = dir.resolve("asn.csv");
    Files.writeString(
        file,
        "192.0.2.0,192.0.2.127,64496,Example Cable Co\n"
            + "192.0.2.128,192.0.2.255,64499,Example DSL Networks\n",
        StandardCharsets.UTF_8);
    return file;
  }

  private static Map<String, JsonNode> byIp(JsonNode assessments) {
    Map<String, JsonNode> m = new HashMap<>();
    for (JsonNode a : assessments) {
      m.put(a.get("rawIp").asText(), a);
    }
    return m;
  }

  private long ingest(String... options) throws IOException {
    Path doc = document();
    String[] args = new String[options.length + 3];
    args[0] = "ingest";
    System.arraycopy(options, 0, args, 1, options.length);
    args[options.length + 1] = "--json";
    args[options.length + 2] = doc.toString();
    CliRun.Result r = cli.run(args);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    JsonNode result = TipJson.mapper().readTree(r.out()).at("/documents/0");
    assertThat(result.get("outcome").asText()).isEqualTo("ACCEPTED");
    return result.get("tipId").asLong();
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void ingestStoresTheAssessmentsAndShowPrintsThem(TestBackend database) throws IOException {
    cli = CliRun.on(database, dir);
    long id = ingest("--synthetic", "--csv", csv().toString());

    CliRun.Result shown = cli.run("tips", "show", Long.toString(id), "--json");
    assertThat(shown.exitCode()).as(shown.err()).isEqualTo(ExitCodes.OK);
    JsonNode doc = TipJson.mapper().readTree(shown.out());
    assertThat(doc.at("/tip/id").asLong()).isEqualTo(id);
    assertThat(doc.at("/tip/report/cybertipReportId").asText())
        .isEqualTo(TestDocuments.REFERENCE_REPORT_ID);
    assertThat(doc.at("/ipAttribution/computedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(doc.at("/ipAttribution/dataSets").asText())
        .startsWith("mode SYNTHETIC_DATA; data sets csv asn.csv (csv:ASN, built ")
        .endsWith("; routing table jurisdiction-routes.yaml v1 (effective 2026-11-22)");

    Map<String, JsonNode> assessments = byIp(doc.get("ipAssessments"));
    assertThat(assessments).containsKeys(NO_PORT, WITH_PORT);
    assertThat(assessments.get(NO_PORT).get("status").asText()).isEqualTo("NEEDS_PORT");
    assertThat(assessments.get(WITH_PORT).get("status").asText()).isEqualTo("ATTRIBUTABLE");
    assertThat(assessments.get(WITH_PORT).at("/isp/key").asText()).isEqualTo("AS64499");
    assertThat(assessments.get(WITH_PORT).at("/deadline/likelyGoneAfter").asText())
        .isEqualTo("2026-03-20");

    CliRun.Result text = cli.run("tips", "show", Long.toString(id));
    assertThat(text.out())
        .contains("IP events (assessed 2026-01-02T03:04:05Z")
        .contains(NO_PORT + ": NEEDS_PORT; likely gone after 2026-03-20")
        .contains(WITH_PORT + " port 40122: ATTRIBUTABLE; likely gone after 2026-03-20");

    CliRun.Result foreign =
        cli.run("--agency", "ICAC-OTHER", "tips", "show", Long.toString(id), "--json");
    assertThat(foreign.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(foreign.out()).doesNotContain(NO_PORT);
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void withoutDataTheEnrichmentIsNotChecked(TestBackend database) throws IOException {
    cli = CliRun.on(database, dir);
    long id = ingest("--synthetic");

    JsonNode doc =
        TipJson.mapper().readTree(cli.run("tips", "show", Long.toString(id), "--json").out());
    assertThat(doc.at("/ipAttribution/dataSets").asText())
        .startsWith("mode SYNTHETIC_DATA; no IP data sets (enrichment not checked); routing table");
    JsonNode withPort = byIp(doc.get("ipAssessments")).get(WITH_PORT);
    boolean notChecked = false;
    for (JsonNode f : withPort.get("findings")) {
      notChecked |= f.get("result").asText().equals("NOT_CHECKED");
    }
    assertThat(notChecked).isTrue();
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aMissingDataFileIsAnInputError(TestBackend database) throws IOException {
    cli = CliRun.on(database, dir);
    CliRun.Result r =
        cli.run("ingest", "--csv", dir.resolve("nope.csv").toString(), document().toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("nope.csv").contains("no such readable file");
  }
}
