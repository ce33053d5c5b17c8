package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.ip.MmdbWriter;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.TipJson;

/**
 * {@code tiptrace ipdata}, ingest with the installed data, {@code ip reassess} and {@code ip
 * routing --review}, on the real store (H2 and PostgreSQL). The test tip has one capture, {@code
 * 198.51.100.23} port 61022 at 2025-03-14T21:07:31Z, and no ESP location, so its routing rests on
 * the installed data alone.
 */
class IpDataCommandTest {
  private static final long BUILD_EPOCH = 1_764_547_200L; // 2025-12-01T00:00:00Z

  @TempDir Path dir;
  @AutoClose CliRun cli;

  private Path write(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  /** A city MMDB putting 198.51.100.0/24 in the US state {@code state}. */
  private Path cityMmdb(String name, String state) throws IOException {
    Path f = dir.resolve(name);
    new MmdbWriter("Tiptrace-Test-City", BUILD_EPOCH)
        .insert("198.51.100.0/24", Map.of("country_code", "US", "state1", state))
        .insert("192.0.2.0/24", Map.of("country_code", "GB"))
        .write(f);
    return f;
  }

  private CliRun.Result ok(String... args) {
    CliRun.Result r = cli.run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(ExitCodes.OK);
    return r;
  }

  private JsonNode json(String... args) throws IOException {
    return TipJson.mapper().readTree(ok(args).out());
  }

  private long ingest(String reportId, String... options) throws IOException {
    Path doc = write("tip-" + reportId + ".json", TestDocuments.leJson(reportId, "u" + reportId));
    List<String> args = new ArrayList<>(List.of("ingest", "--json"));
    args.addAll(List.of(options));
    args.add(doc.toString());
    return json(args.toArray(String[]::new)).at("/documents/0/tipId").asLong();
  }

  private JsonNode show(long id) throws IOException {
    return json("tips", "show", Long.toString(id), "--json");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void importListAndRemoveEveryKind(TestBackend database) throws IOException {
    cli = CliRun.on(database, dir);
    Path mmdb = cityMmdb("geo-city.mmdb", "TX");
    Path csv = write("asn.csv", "198.51.100.0,198.51.100.255,64497,Example Mobile Wireless\n");
    Path tor =
        write(
            "exits-2025-03-14.txt",
            "ExitNode 0123456789ABCDEF0123456789ABCDEF01234567\n"
                + "ExitAddress 203.0.113.9 2025-03-14 15:13:18\n");
    Path vpn = write("dc.txt", "# datacenter\n203.0.113.0/25\n");

    assertThat(ok("ipdata", "import-mmdb", mmdb.toString()).out())
        .contains("Installed geo-city (mmdb Tiptrace-Test-City, built 2025-12-01T00:00:00Z)")
        .contains(Sha256.of(Files.readAllBytes(mmdb)).hex());
    ok("ipdata", "import-csv", csv.toString(), "--built", "2025-12-05");
    ok("ipdata", "import-tor", tor.toString(), "--name", "tor-0314");
    ok("ipdata", "import-ranges", vpn.toString(), "--kind", "datacenter", "--name", "dc");

    JsonNode list = json("ipdata", "list", "--json");
    assertThat(list).hasSize(4);
    List<String> rows = new ArrayList<>();
    for (JsonNode s : list) {
      rows.add(
          s.get("name").asText()
              + "|"
              + s.get("kind").asText()
              + "|"
              + s.get("detail").asText()
              + "|"
              + s.get("importedAt").asText());
    }
    assertThat(rows)
        .containsExactly(
            "asn|csv|csv:ASN|2026-01-02T03:04:05Z",
            "dc|datacenter|datacenter|2026-01-02T03:04:05Z",
            "geo-city|mmdb|Tiptrace-Test-City|2026-01-02T03:04:05Z",
            "tor-0314|tor|tor|2026-01-02T03:04:05Z");
    assertThat(list.get(0).get("build").asText()).isEqualTo("2025-12-05T00:00:00Z");
    assertThat(list.get(2).get("build").asText()).isEqualTo("2025-12-01T00:00:00Z");
    assertThat(list.get(2).get("sha256").asText())
        .isEqualTo(Sha256.of(Files.readAllBytes(mmdb)).hex());
    assertThat(list.get(2).get("sourceFile").asText()).isEqualTo(mmdb.toString());
    assertThat(ok("ipdata", "list").out()).contains("geo-city").contains("tor-0314");

    assertThat(ok("ipdata", "remove", "tor-0314").out()).contains("Removed tor-0314");
    CliRun.Result again = cli.run("ipdata", "remove", "tor-0314");
    assertThat(again.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(again.err()).contains("no installed set named 'tor-0314'");
    assertThat(json("ipdata", "list", "--json")).hasSize(3);
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void badFilesAreRefusedNamingFileLineAndReasonAndNothingIsInstalled(TestBackend database)
      throws IOException {
    cli = CliRun.on(database, dir);
    Path csv = write("bad.csv", "198.51.100.0,198.51.100.255,US\n198.51.100.x,198.51.101.0,US\n");
    CliRun.Result r = cli.run("ipdata", "import-csv", csv.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.err()).contains(csv + " line 2").contains("not an IP address: '198.51.100.x'");

    Path mmdb = write("fake.mmdb", "not a database");
    r = cli.run("ipdata", "import-mmdb", mmdb.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.err()).contains(mmdb + ": not a readable MaxMind DB file");

    r = cli.run("ipdata", "import-ranges", dir.resolve("missing.txt").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("missing.txt: no such readable file");

    r = cli.run("ipdata", "import-mmdb", cityMmdb("c.mmdb", "TX").toString(), "--built", "x");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE); // MMDB has no --built option

    assertThat(json("ipdata", "list", "--json")).isEmpty();
    assertThat(ok("ipdata", "list").out()).contains("No IP data sets installed");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void lookupAnswersFromTheInstalledDataUnlessAFileIsNamed(TestBackend database)
      throws IOException {
    cli = CliRun.on(database, dir);
    JsonNode before = json("ip", "lookup", "198.51.100.7", "--json");
    assertThat(before.toString()).doesNotContain("Tiptrace-Test-City");

    ok("ipdata", "import-mmdb", cityMmdb("city.mmdb", "TX").toString());
    JsonNode installed = json("ip", "lookup", "198.51.100.7", "--json");
    assertThat(installed.at("/enrichment").toString()).contains("city").contains("TX");

    // A named file replaces the installed sets.
    Path csv = write("other.csv", "203.0.113.0,203.0.113.255,GB\n");
    JsonNode named = json("ip", "lookup", "198.51.100.7", "--csv", csv.toString(), "--json");
    assertThat(named.at("/enrichment").toString()).doesNotContain("TX");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void ingestUsesTheInstalledDataAndReassessAppliesNewData(TestBackend database)
      throws IOException {
    cli = CliRun.on(database, dir);
    ok(
        "ipdata",
        "import-csv",
        write("geo.csv", "198.51.100.0,198.51.100.255,US\n").toString(),
        "--built",
        "2025-12-05");
    long id = ingest("7100001", "--synthetic");
    long other = ingest("7100002", "--synthetic");

    JsonNode doc = show(id);
    assertThat(doc.at("/ipAttribution/dataSets").asText())
        .startsWith(
            "mode SYNTHETIC_DATA; data sets installed geo (csv csv:COUNTRY, built"
                + " 2025-12-05T00:00:00Z); routing table jurisdiction-routes.yaml v1");
    JsonNode answer = doc.at("/ipAssessments/0/enrichment/answers/0");
    assertThat(answer.get("source").asText()).isEqualTo("geo");
    assertThat(answer.get("build").asText()).isEqualTo("2025-12-05T00:00:00Z");
    // a country without a state: a person decides
    assertThat(doc.at("/routing/outcome").asText()).isEqualTo("REVIEW");
    assertThat(doc.at("/routing/reasons/0").asText()).isEqualTo("region unknown within US");

    JsonNode review = json("ip", "routing", "--review", "--json");
    assertThat(review).hasSize(2);
    assertThat(review.get(0).get("tipId").asLong()).isEqualTo(id);
    assertThat(review.get(0).at("/routing/outcome").asText()).isEqualTo("REVIEW");
    assertThat(json("--agency", "ICAC-OTHER", "ip", "routing", "--review", "--json")).isEmpty();

    // Nothing new installed: nothing to do unless --all.
    JsonNode same = json("ip", "reassess", "--synthetic", "--json");
    assertThat(same.get("tips").asInt()).isEqualTo(2);
    assertThat(same.get("reassessed").asInt()).isZero();
    JsonNode all = json("ip", "reassess", "--synthetic", "--all", "--json");
    assertThat(all.get("reassessed").asInt()).isEqualTo(2);
    assertThat(all.get("changed").asInt()).isZero();

    // A city database and a routing table that sends Texas to this agency.
    ok("ipdata", "import-mmdb", cityMmdb("city.mmdb", "TX").toString());
    Path routes =
        write(
            "routes.yaml",
            "version: 3\neffective_from: 2026-01-01\nhome_country: US\n"
                + "international_agency: DEMO-INTL\nroutes:\n"
                + "  - country: US\n    regions: [TX]\n    agency: LOCAL\n");
    assertThat(ok("queue", "--json").out())
        .as("routing unknown: no in-jurisdiction points yet")
        .doesNotContain("jurisdiction.in");
    JsonNode changed =
        json("ip", "reassess", "--synthetic", "--routing", routes.toString(), "--json");
    assertThat(changed.get("reassessed").asInt()).isEqualTo(2);
    assertThat(changed.get("changed").asInt()).isEqualTo(2);
    assertThat(changed.get("dataSets").asText())
        .contains("installed city (mmdb Tiptrace-Test-City, built 2025-12-01T00:00:00Z)")
        .contains("installed geo (csv")
        .endsWith("routing table routes.yaml v3 (effective 2026-01-01)");

    doc = show(other);
    assertThat(doc.at("/routing/outcome").asText()).isEqualTo("ROUTED");
    assertThat(doc.at("/routing/agency").asText()).isEqualTo("LOCAL");
    assertThat(doc.at("/routing/region").asText()).isEqualTo("TX");
    assertThat(json("ip", "routing", "--review", "--json")).isEmpty();
    assertThat(ok("tips", "show", Long.toString(other)).out()).contains("routing: ROUTED to LOCAL");
    assertThat(ok("queue", "--json").out())
        .as("the changed tips were scored again with their new routing")
        .contains("jurisdiction.in");

    // Files named on the command override the installed sets.
    long overridden =
        ingest(
            "7100003",
            "--synthetic",
            "--csv",
            write("only.csv", "198.51.100.0,198.51.100.255,GB\n").toString());
    doc = show(overridden);
    assertThat(doc.at("/ipAttribution/dataSets").asText())
        .contains("data sets csv only.csv (csv:COUNTRY, built ")
        .doesNotContain("installed");
    assertThat(doc.at("/routing/outcome").asText()).isEqualTo("INTERNATIONAL_REFERRAL");
    assertThat(doc.at("/routing/agency").asText()).isEqualTo("DEMO-INTL-GB");
  }
}
