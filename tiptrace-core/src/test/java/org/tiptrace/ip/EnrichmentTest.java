package org.tiptrace.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnrichmentTest {
  @TempDir Path dir;

  private IpAttribution withSources(List<EnrichmentSource> sources) {
    IpAttribution.Builder b = IpAttribution.builder(Clock.fixed(IpFixtures.NOW, ZoneOffset.UTC));
    sources.forEach(b::source);
    return b.build();
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.2.10,      64496, Example Cable Co,        192.0.2.0/26,   US, CA, Exampleville",
    "192.0.2.70,      64501, Example Rural Wireless,  192.0.2.64/26,  US, CA, Exampleville",
    "192.0.2.200,     64499, Example DSL Networks,    192.0.2.128/25, US, CA, Exampleville",
    "198.51.100.7,    64497, Example Mobile Wireless, 198.51.100.0/24, US, TX, ",
    "198.19.255.1,    64498, Example Business Fiber,  198.18.0.0/15,  US, WA, Benchtown",
    "2001:db8::1,     64496, Example Cable Co,        2001:db8::/34,  US, NY, ",
    "2001:db8:4000::1, 64497, Example Mobile Wireless, 2001:db8:4000::/34, US, NY, ",
    "2001:db8:8000::1, 64498, Example Business Fiber, 2001:db8:8000::/33, US, NY, ",
  })
  void mmdbWrittenInTheTestAnswersWithDatabaseAndBuild(
      String ip, long asn, String org, String network, String country, String region, String city)
      throws IOException {
    Enrichment e = withSources(IpFixtures.mmdbSources(dir)).enrich(ip).orElseThrow();
    assertThat(e.asn()).contains(asn);
    assertThat(e.asOrganization()).contains(org);
    assertThat(e.countryCode()).contains(country);
    assertThat(e.region()).contains(region);
    assertThat(e.city()).isEqualTo(java.util.Optional.ofNullable(city));
    SourceAnswer a = e.answers().get(0);
    assertThat(a.source()).isEqualTo("test-asn.mmdb");
    assertThat(a.databaseType()).isEqualTo("Tiptrace-Test-ASN");
    assertThat(a.kind()).isEqualTo(DataKind.ASN);
    assertThat(a.build()).isEqualTo(Instant.ofEpochSecond(IpFixtures.BUILD_EPOCH));
    assertThat(a.network()).isEqualTo(network);
    assertThat(e.answers().get(1).databaseType()).isEqualTo("Tiptrace-Test-City");
    assertThat(e.notChecked()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.2.10", "192.0.2.70", "192.0.2.200", "198.51.100.7", "198.19.255.1", "203.0.113.250",
    "2001:db8::1", "2001:db8:4000::1", "2001:db8:8000::1", "2001:db9::1", "10.0.0.1", "::1"
  })
  void materialisedDatabaseAnswersLikeTheReader(String ip) throws IOException {
    IpFixtures.mmdbSources(dir); // writes the files
    byte[] a = IpAddresses.parse(ip).orElseThrow();
    for (String f : List.of("test-asn.mmdb", "test-city.mmdb")) {
      try (MmdbDatabase perLookup = MmdbDatabase.open(dir.resolve(f));
          MmdbDatabase loaded = MmdbDatabase.load(dir.resolve(f))) {
        assertThat(loaded.lookup(a)).as(f + " " + ip).isEqualTo(perLookup.lookup(a));
      }
    }
  }

  @Test
  void anAddressOutsideEveryRangeHasNoAnswerButIsChecked() throws IOException {
    Enrichment e = withSources(IpFixtures.mmdbSources(dir)).enrich("2001:db9::1").orElseThrow();
    assertThat(e.answers()).isEmpty();
    assertThat(e.asn()).isEmpty();
    assertThat(e.asnChecked()).isTrue();
  }

  @Test
  void withoutDatabasesEveryKindIsNotCheckedRatherThanNoMatch() {
    Enrichment e = withSources(List.of()).enrich("192.0.2.10").orElseThrow();
    assertThat(e.asnChecked()).isFalse();
    assertThat(e.locationChecked()).isFalse();
    assertThat(e.notChecked()).containsExactlyInAnyOrder(DataKind.values());
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.2.10,   64496, Example Cable Co,     192.0.2.0-192.0.2.127",
    "192.0.2.255,  64499, Example DSL Networks, 192.0.2.128-192.0.2.255",
    "203.0.113.5,  64500, 'Example Hosting, Ltd', 203.0.113.0-203.0.113.255",
    "2001:db8:7fff:ffff:ffff:ffff:ffff:ffff, 64496, Example Cable Co, 2001:db8::-2001:db8:7fff:ffff:ffff:ffff:ffff:ffff",
    "2001:db8:8000::, 64498, Example Business Fiber, 2001:db8:8000::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff",
  })
  void csvRangeFilesIpv4AndIpv6(String ip, long asn, String org, String range) throws IOException {
    CsvRangeDatabase v4;
    CsvRangeDatabase v6;
    try (Reader r = IpFixtures.resource("dbip-asn-v4.csv")) {
      v4 = CsvRangeDatabase.load(r, "dbip-asn-v4.csv", DataKind.ASN, LocalDate.of(2025, 3, 1));
    }
    try (Reader r = IpFixtures.resource("dbip-asn-v6.csv")) {
      v6 = CsvRangeDatabase.load(r, "dbip-asn-v6.csv", DataKind.ASN, LocalDate.of(2025, 3, 1));
    }
    Enrichment e = withSources(List.of(v4, v6)).enrich(ip).orElseThrow();
    assertThat(e.asn()).contains(asn);
    assertThat(e.asOrganization()).contains(org);
    assertThat(e.answers())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.network()).isEqualTo(range);
              assertThat(a.build()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
              assertThat(a.databaseType()).isEqualTo("csv:ASN");
            });
    assertThat(e.notChecked()).containsExactlyInAnyOrder(DataKind.COUNTRY, DataKind.CITY);
  }

  @Test
  void disagreeingSourcesAreReportedAndLowerConfidence() throws IOException {
    java.io.Reader r =
        new java.io.StringReader("192.0.2.0,192.0.2.255,64499,Example DSL Networks\n");
    CsvRangeDatabase csv =
        CsvRangeDatabase.load(r, "other-asn.csv", DataKind.ASN, LocalDate.of(2025, 3, 1));
    IpAttribution.Builder b = IpFixtures.full(dir).source(csv);
    IpAttribution f = b.build();
    Enrichment e = f.enrich("192.0.2.10").orElseThrow();
    assertThat(e.asn()).contains(64496L); // the first configured source wins
    assertThat(e.conflicts())
        .containsExactly(
            "autonomous_system_number: 64496 (test-asn.mmdb) vs 64499 (other-asn.csv)");
    IpEventAssessment a =
        f.assess(
            IpFixtures.event("192.0.2.10", 5000, "2025-03-14T21:07:31Z"),
            EventContext.of(java.util.Optional.empty()));
    assertThat(a.findings())
        .anySatisfy(x -> assertThat(x.detail()).startsWith("data sources disagree"));
    assertThat(a.confidence()).isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void csvWithHeaderUsesItsColumnNames() throws IOException {
    CsvRangeDatabase city;
    try (Reader r = IpFixtures.resource("city-with-header.csv")) {
      city = CsvRangeDatabase.load(r, "city.csv", DataKind.CITY, LocalDate.of(2025, 3, 1));
    }
    IpAttribution f = withSources(List.of(city));
    assertThat(f.enrich("192.0.2.9").orElseThrow().city()).contains("Exampleville");
    assertThat(f.enrich("2001:db8:1::9").orElseThrow().region()).contains("WA");
    assertThat(f.enrich("198.51.100.1").orElseThrow().answers()).isEmpty();
  }

  @Test
  void overlappingCsvRangesAreRejectedNamingBoth() throws IOException {
    try (Reader r = IpFixtures.resource("overlapping.csv")) {
      assertThatThrownBy(
              () ->
                  CsvRangeDatabase.load(
                      r, "overlapping.csv", DataKind.COUNTRY, LocalDate.of(2025, 1, 1)))
          .hasMessageContaining("overlapping.csv")
          .hasMessageContaining("192.0.2.0-192.0.2.127")
          .hasMessageContaining("192.0.2.100-192.0.2.200");
    }
  }

  @Test
  void badCsvLineNamesFileAndLine() {
    Reader r = new java.io.StringReader("192.0.2.0,192.0.2.9,US\nnot-an-ip,192.0.2.20,US\n");
    assertThatThrownBy(
            () -> CsvRangeDatabase.load(r, "x.csv", DataKind.COUNTRY, LocalDate.of(2025, 1, 1)))
        .hasMessageContaining("x.csv line 2")
        .hasMessageContaining("not-an-ip");
  }
}
