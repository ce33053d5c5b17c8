package org.tiptrace.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tiptrace.ip.IpFixtures.event;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionTest {
  @TempDir Path dir;

  private static final String HEAD =
      """
      version: 3
      effective_from: 2026-11-22
      preserve_margin_days: 10
      default:
        retention_days: 30
        cgnat: unknown
        ipv6_prefix: 56
        source: "test default"
      isps:
      """;

  static RetentionTable table(String rows) throws IOException {
    return RetentionTable.load(
        new ByteArrayInputStream((HEAD + rows).getBytes(StandardCharsets.UTF_8)), "t.yaml");
  }

  private IpAttribution at(Instant now, RetentionTable t) throws IOException {
    IpAttribution.Builder b =
        IpAttribution.builder(Clock.fixed(now, ZoneOffset.UTC))
            .mode(AttributionMode.SYNTHETIC_DATA)
            .retention(t);
    IpFixtures.mmdbSources(dir).forEach(b::source);
    return b.build();
  }

  private static final String YEAR_ISP =
      """
        - key: AS64496
          asn: 64496
          name: Example Cable
          retention_days: 365
          cgnat: false
          source: "fixture"
      """;

  @ParameterizedTest(name = "{0} + 365 days -> {1}")
  @CsvSource({
    // event (as the ESP wrote it),  likely gone at (UTC),     likely gone after (UTC date)
    "2024-02-29T12:00:00Z,           2025-02-28T12:00:00Z,     2025-02-28",
    "2024-02-29T23:30:00-05:00,      2025-03-01T04:30:00Z,     2025-03-01",
    "2024-02-29T00:30:00+09:00,      2025-02-27T15:30:00Z,     2025-02-27",
    "2023-03-01T00:00:00Z,           2024-02-29T00:00:00Z,     2024-02-29",
    "2024-12-31T23:59:59-08:00,      2026-01-01T07:59:59Z,     2026-01-01",
  })
  void deadlineIsExactAcrossZonesAndLeapYears(String time, String goneAt, String goneAfter)
      throws IOException {
    IpEventAssessment a =
        at(Instant.parse("2024-03-10T00:00:00Z"), table(YEAR_ISP))
            .assess(event("192.0.2.10", 5000, time), EventContext.of(Optional.empty()));
    RetentionDeadline d = a.deadline().orElseThrow();
    assertThat(d.likelyGoneAt()).contains(Instant.parse(goneAt));
    assertThat(d.likelyGoneAfter()).contains(LocalDate.parse(goneAfter));
    assertThat(d.isp().key()).isEqualTo("AS64496");
    assertThat(d.tableVersion()).isEqualTo(3);
  }

  @ParameterizedTest(name = "now {0} -> {1}")
  @CsvSource({
    "2025-02-01T00:00:00Z, WITHIN_RETENTION",
    "2025-02-18T12:00:00Z, WITHIN_RETENTION", // exactly 10 days left: not under the margin
    "2025-02-18T12:00:01Z, PRESERVE_NOW",
    "2025-02-28T12:00:00Z, PRESERVE_NOW", // the last instant
    "2025-02-28T12:00:01Z, LIKELY_EXPIRED",
  })
  void signalMovesWithTheClock(String now, DeadlineSignal signal) throws IOException {
    IpEventAssessment a =
        at(Instant.parse(now), table(YEAR_ISP))
            .assess(
                event("192.0.2.10", 5000, "2024-02-29T12:00:00Z"),
                EventContext.of(Optional.empty()));
    assertThat(a.deadline().orElseThrow().signal()).isEqualTo(signal);
    Finding.Result expected =
        signal == DeadlineSignal.WITHIN_RETENTION ? Finding.Result.PASS : Finding.Result.FLAG;
    assertThat(a.finding(AttributionRule.RETENTION).orElseThrow().result()).isEqualTo(expected);
  }

  @Test
  void marginCanBeConfigured() throws IOException {
    IpAttribution.Builder b =
        IpAttribution.builder(Clock.fixed(Instant.parse("2025-02-01T00:00:00Z"), ZoneOffset.UTC))
            .mode(AttributionMode.SYNTHETIC_DATA)
            .retention(table(YEAR_ISP))
            .preserveMargin(Duration.ofDays(30));
    IpFixtures.mmdbSources(dir).forEach(b::source);
    IpEventAssessment a =
        b.build()
            .assess(
                event("192.0.2.10", 5000, "2024-02-29T12:00:00Z"),
                EventContext.of(Optional.empty()));
    assertThat(a.deadline().orElseThrow().signal()).isEqualTo(DeadlineSignal.PRESERVE_NOW);
  }

  @Test
  void configuredZoneTimeGetsADeadlineInUtc() throws IOException {
    IpAttribution f = at(Instant.parse("2024-03-10T00:00:00Z"), table(YEAR_ISP));
    IpEventAssessment a =
        f.assess(
            event("192.0.2.10", 5000, "2024-02-29T22:00:00"),
            EventContext.of(Optional.empty()).withZoneRegion(ZoneId.of("America/Los_Angeles")));
    assertThat(a.deadline().orElseThrow().likelyGoneAfter())
        .contains(LocalDate.parse("2025-03-01"));
  }

  @Test
  void bundledTableLoadsWithCitedRows() {
    RetentionTable t = RetentionTable.bundled();
    assertThat(t.version()).isPositive();
    assertThat(t.isps()).allSatisfy(p -> assertThat(p.source()).isNotBlank());
    assertThat(t.isps())
        .filteredOn(p -> p.key().equals("comcast"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.retentionDays()).isEqualTo(180);
              assertThat(p.source()).contains("S26");
            });
    assertThat(t.isps())
        .filteredOn(p -> p.key().equals("sonic"))
        .singleElement()
        .satisfies(p -> assertThat(p.retentionDays()).isEqualTo(14));
    assertThat(t.isps())
        .filteredOn(p -> p.asn().isPresent())
        .allSatisfy(p -> assertThat(p.asn().get()).isBetween(64496L, 64511L));
    assertThat(t.defaultProfile().cgnat()).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "  - {key: AS1, asn: 64496, name: A, retention_days: -3, source: s}| t.yaml: isps.AS1.retention_days: must be an integer 1..3650, was '-3'",
        "  - {key: AS1, asn: 64496, name: A, retention_days: 30, cgnat: maybe, source: s}| t.yaml: isps.AS1.cgnat: must be true, false or unknown, was 'maybe'",
        "  - {key: AS1, asn: 64496, name: A, ipv6_prefix: 72, source: s}| t.yaml: isps.AS1.ipv6_prefix: must be an integer 16..64, was '72'",
        "  - {key: AS1, asn: 64496, name: A}| t.yaml: isps.AS1.source: must be a non-empty text, was missing",
        "  - {key: AS1, asn: 64496, name: A, source: s, retension_days: 3}| t.yaml: isps.AS1.retension_days: unknown field",
        "  - {key: AS1, asn: 64496, name: A, source: s} ;; - {key: AS2, asn: 64496, name: B, source: s}| t.yaml: isps.AS2.asn: duplicate ASN 64496",
        "  - {key: AS1, asn: 64496, name: A, source: s} ;; - {key: AS1, asn: 64497, name: B, source: s}| t.yaml: isps[1]: duplicate key 'AS1'",
        "  - {key: AS1, asn: -1, name: A, source: s}| t.yaml: isps.AS1.asn: must be an integer 0..4294967295, was '-1'",
        "  - {key: AS1, name: A, source: s}| t.yaml: isps.AS1: needs 'asn' or 'org_names'",
        "  - {key: AS1, asn: 64496, name: A, source: s, mobile: yes please}| t.yaml: isps.AS1.mobile: must be true or false, was 'yes please'",
      })
  void validationNamesKeyAndValue(String rows, String message) {
    assertThatThrownBy(() -> table(rows.replace(" ;; ", "\n") + "\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void topLevelValidation() {
    assertThatThrownBy(
            () ->
                RetentionTable.load(
                    new ByteArrayInputStream(
                        "version: 1\neffective_from: 2026-13-01\ndefault: {}\nisps: []\n"
                            .getBytes(StandardCharsets.UTF_8)),
                    "r.yaml"))
        .hasMessage("r.yaml: effective_from: must be a date yyyy-MM-dd, was '2026-13-01'");
    assertThatThrownBy(
            () ->
                RetentionTable.load(
                    new ByteArrayInputStream("version: 0\n".getBytes(StandardCharsets.UTF_8)),
                    "r.yaml"))
        .hasMessage("r.yaml: version: must be an integer 1..2147483647, was '0'");
  }

  @Test
  void rowsInheritTheDefaultAndMatchByOrganisation() throws IOException {
    RetentionTable t =
        table("  - {key: acme, org_names: [Example Cable Co], name: Acme, source: s}\n");
    IspProfile p = t.isps().get(0);
    assertThat(p.retentionDays()).isEqualTo(30);
    assertThat(p.cgnat()).isEmpty();
    assertThat(p.portNeeded()).isTrue();
    IpAttribution f = at(Instant.parse("2025-03-20T00:00:00Z"), t);
    IpEventAssessment a =
        f.assess(
            event("192.0.2.10", 5000, "2025-03-14T21:07:31Z"), EventContext.of(Optional.empty()));
    assertThat(a.isp().orElseThrow().key()).isEqualTo("acme");
  }
}
