package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrace.ip.MmdbWriter;
import org.tiptrace.tip.TipJson;

/**
 * {@code tiptrace ip lookup} on an ASN range file written here: the fictional ISPs of the bundled
 * retention table (AS64496 cable without CGNAT, AS64499 DSL with CGNAT) on documentation ranges.
 */
class IpCommandTest {
  private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

  @TempDir Path dir;
  private Path asn;
  private CliH2 cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliH2(NOW);
    asn =
        Files.writeString(
            dir.resolve("asn.csv"),
            """
            192.0.2.0,192.0.2.255,64496,Example Cable Co
            198.51.100.0,198.51.100.255,64499,Example DSL Networks
            2001:db8::,2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,64496,Example Cable Co
            """);
  }

  @AfterEach
  void tearDown() {
    cli.close();
  }

  private JsonNode json(CliH2.Result r) throws Exception {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    return TipJson.mapper().readTree(r.out());
  }

  @Test
  void cgnatIspWithPortIsAttributableWithDeadlineAndRequest() throws Exception {
    JsonNode j =
        json(
            cli.run(
                "ip",
                "lookup",
                "198.51.100.7",
                "--at",
                "2026-11-20T10:00:00Z",
                "--port",
                "61022",
                "--csv",
                asn.toString(),
                "--synthetic",
                "--json"));

    assertThat(j.path("mode").asText()).isEqualTo("SYNTHETIC_DATA");
    assertThat(j.at("/enrichment/asn").asLong()).isEqualTo(64499);
    assertThat(j.at("/enrichment/answers/0/source").asText()).isEqualTo("asn.csv");
    assertThat(j.at("/enrichment/answers/0/kind").asText()).isEqualTo("ASN");
    assertThat(j.at("/enrichment/answers/0/build").asText()).isNotBlank();
    assertThat(j.at("/assessment/status").asText()).isEqualTo("ATTRIBUTABLE");
    assertThat(j.at("/assessment/isp").asText()).isEqualTo("AS64499");
    assertThat(j.at("/assessment/deadline/signal").asText()).isEqualTo("WITHIN_RETENTION");
    // 90 days of retention from 2026-11-20T10:00Z
    assertThat(j.at("/assessment/deadline/likelyGoneAt").asText())
        .isEqualTo("2027-02-18T10:00:00Z");
    assertThat(j.at("/assessment/findings").findValuesAsText("rule"))
        .contains("IP_PARSE", "IP_NONROUTABLE", "IP_PORT", "RETENTION");
    assertThat(j.at("/ispRequest/ip").asText()).isEqualTo("198.51.100.7");
    assertThat(j.at("/ispRequest/port").asInt()).isEqualTo(61022);
    assertThat(j.at("/ispRequest/instantUtc").asText()).isEqualTo("2026-11-20T10:00:00Z");
    assertThat(j.at("/ispRequest/asn").asLong()).isEqualTo(64499);
    assertThat(j.at("/ispRequest/ask").toString()).contains("subscriber name");
  }

  @Test
  void textNamesTheSourceTheStatusAndTheRequest() {
    CliH2.Result r =
        cli.run(
            "ip",
            "lookup",
            "198.51.100.7",
            "--at",
            "2026-11-20T10:00:00Z",
            "--port",
            "61022",
            "--csv",
            asn.toString(),
            "--synthetic");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Network:  AS64499 Example DSL Networks")
        .contains("answered by asn.csv")
        .contains("Location: not checked")
        .contains("Status:   ATTRIBUTABLE")
        .contains("Deadline: WITHIN_RETENTION, records likely gone after 2027-02-18")
        .contains("ISP request (Example DSL with CGNAT (dsl.example.net))")
        .contains("Address:   198.51.100.7:61022")
        .doesNotContain("no match");
  }

  @Test
  void cgnatIspWithoutPortNeedsThePortAndGetsNoRequest() throws Exception {
    String[] args = {
      "ip",
      "lookup",
      "198.51.100.7",
      "--at",
      "2026-11-20T10:00:00Z",
      "--csv",
      asn.toString(),
      "--synthetic"
    };
    CliH2.Result text = cli.run(args);
    assertThat(text.out())
        .contains("Status:   NEEDS_PORT")
        .contains("BLOCK IP_PORT")
        .contains("No ISP request");

    String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
    withJson[args.length] = "--json";
    JsonNode j = json(cli.run(withJson));
    assertThat(j.at("/assessment/status").asText()).isEqualTo("NEEDS_PORT");
    assertThat(j.at("/ispRequest").isMissingNode() || j.at("/ispRequest").isNull()).isTrue();
  }

  @Test
  void nonCgnatIspIsAttributableWithoutPort() throws Exception {
    JsonNode j =
        json(
            cli.run(
                "ip",
                "lookup",
                "192.0.2.10",
                "--at",
                "2026-11-20T10:00:00Z",
                "--csv",
                asn.toString(),
                "--synthetic",
                "--json"));
    assertThat(j.at("/assessment/status").asText()).isEqualTo("ATTRIBUTABLE");
    assertThat(j.at("/assessment/isp").asText()).isEqualTo("AS64496");
  }

  @Test
  void deadlineSignalsFollowTheRetentionOfTheIsp() throws Exception {
    // AS64499 keeps 90 days: 84 days ago leaves 6 days (< 14-day margin); 200 days ago is past.
    JsonNode soon =
        json(
            cli.run(
                "ip",
                "lookup",
                "198.51.100.7",
                "--at",
                "2026-08-30T00:00:00Z",
                "--port",
                "1",
                "--csv",
                asn.toString(),
                "--synthetic",
                "--json"));
    assertThat(soon.at("/assessment/deadline/signal").asText()).isEqualTo("PRESERVE_NOW");
    assertThat(soon.at("/assessment/deadline/remainingDays").asLong()).isEqualTo(6);

    JsonNode past =
        json(
            cli.run(
                "ip",
                "lookup",
                "198.51.100.7",
                "--at",
                "2026-05-06T00:00:00Z",
                "--port",
                "1",
                "--csv",
                asn.toString(),
                "--synthetic",
                "--json"));
    assertThat(past.at("/assessment/deadline/signal").asText()).isEqualTo("LIKELY_EXPIRED");
  }

  @Test
  void ipv6GivesTheDelegatedPrefix() throws Exception {
    JsonNode j =
        json(
            cli.run(
                "ip",
                "lookup",
                "2001:db8:12:3456::1",
                "--at",
                "2026-11-20T10:00:00Z",
                "--csv",
                asn.toString(),
                "--synthetic",
                "--json"));
    assertThat(j.at("/assessment/ipVersion").asInt()).isEqualTo(6);
    assertThat(j.at("/assessment/delegatedPrefix").asText()).isEqualTo("2001:db8:12:3400::/56");
    assertThat(j.at("/ispRequest/delegatedPrefix").asText()).isEqualTo("2001:db8:12:3400::/56");
  }

  @Test
  void productionModeRejectsTheDocumentationRangeAndSaysSo() throws Exception {
    CliH2.Result r =
        cli.run(
            "ip",
            "lookup",
            "198.51.100.7",
            "--at",
            "2026-11-20T10:00:00Z",
            "--port",
            "61022",
            "--csv",
            asn.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("(mode PRODUCTION)")
        .contains("Status:   NON_ROUTABLE")
        .contains("production mode rejects")
        .contains("--synthetic")
        .contains("No ISP request");

    JsonNode j =
        json(
            cli.run(
                "ip",
                "lookup",
                "198.51.100.7",
                "--at",
                "2026-11-20T10:00:00Z",
                "--port",
                "61022",
                "--csv",
                asn.toString(),
                "--json"));
    assertThat(j.at("/assessment/status").asText()).isEqualTo("NON_ROUTABLE");
    assertThat(j.at("/assessment/findings").findValuesAsText("rule")).contains("IP_NONROUTABLE");
  }

  @Test
  void withoutAnyDatabaseTheNetworkIsNotCheckedNeverNoMatch() throws Exception {
    CliH2.Result r =
        cli.run("ip", "lookup", "192.0.2.10", "--at", "2026-11-20T10:00:00Z", "--synthetic");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Network:  not checked")
        .contains("Location: not checked")
        .doesNotContain("no match");

    JsonNode j =
        json(
            cli.run(
                "ip",
                "lookup",
                "192.0.2.10",
                "--at",
                "2026-11-20T10:00:00Z",
                "--synthetic",
                "--json"));
    assertThat(j.at("/enrichment/asnChecked").asBoolean()).isFalse();
    assertThat(j.at("/enrichment/notChecked").toString()).contains("ASN");
    assertThat(j.at("/enrichment/answers")).isEmpty();
  }

  @Test
  void anAddressOutsideTheGivenDataIsNoMatchNotNotChecked() {
    CliH2.Result r =
        cli.run(
            "ip",
            "lookup",
            "203.0.113.9",
            "--at",
            "2026-11-20T10:00:00Z",
            "--csv",
            asn.toString(),
            "--synthetic");
    assertThat(r.out()).contains("Network:  no match in the ASN data given");
  }

  @Test
  void anMmdbFileAnswersWithItsTypeAndBuildAndWinsOverALaterCsv() throws Exception {
    Path mmdb = dir.resolve("asn.mmdb");
    new MmdbWriter("Tiptrace-Test-ASN", 1_763_769_600L) // 2025-11-22T00:00:00Z
        .insert(
            "198.51.100.0/24",
            Map.of(
                "autonomous_system_number",
                64497L,
                "autonomous_system_organization",
                "Example Mobile Wireless"))
        .write(mmdb);
    JsonNode j =
        json(
            cli.run(
                "ip",
                "lookup",
                "198.51.100.7",
                "--at",
                "2026-11-20T10:00:00Z",
                "--port",
                "5",
                "--mmdb",
                mmdb.toString(),
                "--csv",
                asn.toString(),
                "--synthetic",
                "--json"));
    assertThat(j.at("/enrichment/asn").asLong()).isEqualTo(64497);
    assertThat(j.at("/enrichment/answers/0/source").asText()).isEqualTo("asn.mmdb");
    assertThat(j.at("/enrichment/answers/0/databaseType").asText()).isEqualTo("Tiptrace-Test-ASN");
    assertThat(j.at("/enrichment/answers/0/build").asText()).isEqualTo("2025-11-22T00:00:00Z");
    assertThat(j.at("/enrichment/answers/0/network").asText()).isEqualTo("198.51.100.0/24");
    assertThat(j.at("/enrichment/conflicts").toString()).contains("64497").contains("64499");
    assertThat(j.at("/assessment/isp").asText()).isEqualTo("AS64497");
  }

  @Test
  void aVpnListHitIsVpnOrHostingWithoutRequest() throws Exception {
    Path vpn = Files.writeString(dir.resolve("vpn-ipv4.txt"), "# synthetic\n192.0.2.0/28\n");
    JsonNode j =
        json(
            cli.run(
                "ip",
                "lookup",
                "192.0.2.5",
                "--at",
                "2026-11-20T10:00:00Z",
                "--port",
                "5",
                "--csv",
                asn.toString(),
                "--vpn",
                vpn.toString(),
                "--synthetic",
                "--json"));
    assertThat(j.at("/assessment/status").asText()).isEqualTo("VPN_OR_HOSTING");
    assertThat(j.at("/ispRequest").isMissingNode() || j.at("/ispRequest").isNull()).isTrue();
  }

  @Test
  void aMissingDataFileIsExitThreeNamingIt() {
    Path missing = dir.resolve("nope.mmdb");
    CliH2.Result r =
        cli.run("ip", "lookup", "192.0.2.10", "--mmdb", missing.toString(), "--synthetic");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains(missing.toString()).contains("no such readable file");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMalformedCsvIsExitThreeNamingIt() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "192.0.2.0,192.0.2.255\n");
    CliH2.Result r = cli.run("ip", "lookup", "192.0.2.10", "--csv", bad.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains(bad.toString());
  }

  @Test
  void notAnAddressOrBadPortIsAUsageError() {
    assertThat(cli.run("ip", "lookup", "not-an-ip").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("ip", "lookup", "192.0.2.1", "--port", "70000").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("ip", "lookup", "192.0.2.1", "--at", "yesterday").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }
}
