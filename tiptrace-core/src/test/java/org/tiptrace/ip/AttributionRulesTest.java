package org.tiptrace.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.ip.IpFixtures.event;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.TriState;

/** One row per rule outcome of the table in ip-attribution.md §2. */
class AttributionRulesTest {
  private static final String T = "2025-03-14T21:07:31Z";
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @TempDir Path dir;
  private IpAttribution attribution;

  @BeforeEach
  void setUp() throws IOException {
    attribution = IpFixtures.full(dir).build();
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        // IP_PARSE
        Arguments.of(
            "not an address",
            event("192.0.2.300", 5000, T),
            AttributionStatus.INVALID_IP,
            AttributionRule.IP_PARSE),
        // IP_NONROUTABLE
        Arguments.of(
            "private",
            event("10.1.2.3", 5000, T),
            AttributionStatus.NON_ROUTABLE,
            AttributionRule.IP_NONROUTABLE),
        Arguments.of(
            "inside CGNAT",
            event("100.64.7.1", 5000, T),
            AttributionStatus.NON_ROUTABLE,
            AttributionRule.IP_NONROUTABLE),
        Arguments.of(
            "link-local v6",
            event("fe80::1%eth0", 5000, T),
            AttributionStatus.NON_ROUTABLE,
            AttributionRule.IP_NONROUTABLE),
        Arguments.of(
            "unique-local v6",
            event("fd00::5", 5000, T),
            AttributionStatus.NON_ROUTABLE,
            AttributionRule.IP_NONROUTABLE),
        // IP_PORT
        Arguments.of(
            "CGNAT ISP without port",
            event("192.0.2.200", T),
            AttributionStatus.NEEDS_PORT,
            AttributionRule.IP_PORT),
        Arguments.of(
            "CGNAT ISP with port",
            event("192.0.2.200", 51234, T),
            AttributionStatus.ATTRIBUTABLE,
            null),
        Arguments.of(
            "mobile carrier without port",
            event("198.51.100.7", T),
            AttributionStatus.NEEDS_PORT,
            AttributionRule.IP_PORT),
        Arguments.of(
            "CGNAT unknown without port",
            event("192.0.2.70", T),
            AttributionStatus.NEEDS_PORT,
            AttributionRule.IP_PORT),
        Arguments.of(
            "no CGNAT, no port needed",
            event("192.0.2.10", T),
            AttributionStatus.ATTRIBUTABLE,
            null),
        Arguments.of(
            "IPv6 needs no port", event("2001:db8::1", T), AttributionStatus.ATTRIBUTABLE, null),
        // TZ_ZONE
        Arguments.of(
            "no zone",
            event("192.0.2.10", 5000, "2025-03-14T21:07:31"),
            AttributionStatus.TIME_AMBIGUOUS,
            AttributionRule.TZ_ZONE),
        Arguments.of(
            "no time",
            event("192.0.2.10", OptionalInt.of(5000), Optional.empty()),
            AttributionStatus.TIME_AMBIGUOUS,
            AttributionRule.TZ_ZONE),
        // TZ_12H
        Arguments.of(
            "12-hour text without AM/PM",
            IpFixtures.eventWithRaw(
                "192.0.2.10",
                5000,
                "03/14/2025 09:07:31 +0000",
                "2025-03-14T09:07:31",
                Optional.of(ZoneOffset.UTC)),
            AttributionStatus.TIME_AMBIGUOUS,
            AttributionRule.TZ_12H),
        Arguments.of(
            "12-hour text with PM",
            IpFixtures.eventWithRaw(
                "192.0.2.10",
                5000,
                "03/14/2025 09:07:31 PM +0000",
                "2025-03-14T21:07:31",
                Optional.of(ZoneOffset.UTC)),
            AttributionStatus.ATTRIBUTABLE,
            null),
        // TOR
        Arguments.of(
            "Tor exit on the event date",
            event("203.0.113.9", 443, T),
            AttributionStatus.TOR_EXIT,
            AttributionRule.TOR),
        Arguments.of(
            "Tor exit v6 on the event date",
            event("2001:db8:0:42::9", T),
            AttributionStatus.TOR_EXIT,
            AttributionRule.TOR),
        Arguments.of(
            "Tor exit without port is still TOR_EXIT",
            event("203.0.113.9", T),
            AttributionStatus.TOR_EXIT,
            AttributionRule.TOR),
        Arguments.of(
            "listed as exit only a week later",
            event("192.0.2.77", 5000, T),
            AttributionStatus.ATTRIBUTABLE,
            null),
        // VPN_DC
        Arguments.of(
            "VPN list",
            event("198.51.100.201", 5000, T),
            AttributionStatus.VPN_OR_HOSTING,
            AttributionRule.VPN_DC),
        Arguments.of(
            "datacenter list v6",
            event("2001:db8:dc::7", T),
            AttributionStatus.VPN_OR_HOSTING,
            AttributionRule.VPN_DC));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void ruleTable(
      String name, IpCaptureEvent e, AttributionStatus status, AttributionRule blocking) {
    IpEventAssessment a = attribution.assess(e, EventContext.of(Optional.of("123456789")));
    assertThat(a.status()).as(a.findings().toString()).isEqualTo(status);
    if (blocking != null) {
      assertThat(a.finding(blocking))
          .get()
          .extracting(Finding::result)
          .isEqualTo(Finding.Result.BLOCK);
    } else {
      assertThat(a.findings()).noneMatch(f -> f.result() == Finding.Result.BLOCK);
      assertThat(IpAttribution.request(a)).isPresent();
    }
    if (status != AttributionStatus.ATTRIBUTABLE) {
      assertThat(IpAttribution.request(a)).isEmpty();
    }
  }

  @Test
  void findingsFollowTheReferenceRuleOrder() {
    // The order of the rule table in ip-attribution.md §2, plus SHARED_NET after ESP_PROXY.
    assertThat(AttributionRule.values())
        .extracting(AttributionRule::id)
        .containsExactly(
            "IP_PARSE",
            "IP_NONROUTABLE",
            "IP_PORT",
            "IP_V6",
            "TZ_ZONE",
            "TZ_12H",
            "TZ_DST",
            "LEASE_EDGE",
            "RETENTION",
            "TOR",
            "VPN_DC",
            "ESP_PROXY",
            "SHARED_NET",
            "GEO");
    IpEventAssessment a =
        attribution.assess(event("2001:db8::1", T), EventContext.of(Optional.empty()));
    List<AttributionRule> ran = a.findings().stream().map(Finding::rule).toList();
    assertThat(ran).isSorted();
    assertThat(ran)
        .contains(AttributionRule.IP_V6, AttributionRule.GEO)
        .doesNotContain(AttributionRule.IP_PORT);
  }

  @Test
  void timeWithoutZoneIsNeverConverted() {
    IpEventAssessment a =
        attribution.assess(
            event("192.0.2.10", 5000, "2025-03-14T21:07:31"), EventContext.of(Optional.empty()));
    assertThat(a.time().flags()).contains(TimeFlag.ZONE_MISSING);
    assertThat(a.time().instant()).isEmpty();
    assertThat(a.time().candidates()).isEmpty();
    assertThat(a.deadline().orElseThrow().signal()).isEqualTo(DeadlineSignal.UNKNOWN);
    assertThat(a.finding(AttributionRule.TOR).orElseThrow().result())
        .isEqualTo(Finding.Result.NOT_CHECKED);
    assertThat(IpAttribution.request(a)).isEmpty();
  }

  @Test
  void dstOverlapCarriesBothInstants() {
    IpEventAssessment a =
        attribution.assess(
            event("192.0.2.10", 5000, "2025-11-02T01:30:00"),
            EventContext.of(Optional.empty()).withZoneRegion(NEW_YORK));
    assertThat(a.status()).isEqualTo(AttributionStatus.TIME_AMBIGUOUS);
    assertThat(a.time().flags()).contains(TimeFlag.DST_OVERLAP, TimeFlag.ZONE_FROM_CONFIG);
    assertThat(a.time().candidates())
        .containsExactly(
            Instant.parse("2025-11-02T05:30:00Z"), Instant.parse("2025-11-02T06:30:00Z"));
    assertThat(a.finding(AttributionRule.TZ_DST).orElseThrow().result())
        .isEqualTo(Finding.Result.BLOCK);
  }

  @Test
  void dstGapIsFlaggedWithBothReadings() {
    IpEventAssessment a =
        attribution.assess(
            event("192.0.2.10", 5000, "2025-03-09T02:30:00"),
            EventContext.of(Optional.empty()).withZoneRegion(NEW_YORK));
    assertThat(a.status()).isEqualTo(AttributionStatus.TIME_AMBIGUOUS);
    assertThat(a.time().flags()).contains(TimeFlag.DST_GAP);
    assertThat(a.time().instant()).isEmpty();
    assertThat(a.time().candidates())
        .containsExactly(
            Instant.parse("2025-03-09T06:30:00Z"), Instant.parse("2025-03-09T07:30:00Z"));
  }

  @Test
  void anOffsetResolvesTheOverlap() {
    IpEventAssessment a =
        attribution.assess(
            event("192.0.2.10", 5000, "2025-11-02T01:30:00-05:00"),
            EventContext.of(Optional.empty()).withZoneRegion(NEW_YORK));
    assertThat(a.status()).isEqualTo(AttributionStatus.ATTRIBUTABLE);
    assertThat(a.time().instant()).contains(Instant.parse("2025-11-02T06:30:00Z"));
  }

  @Test
  void configuredZoneConvertsOrdinaryTimesWithAFlag() {
    IpEventAssessment a =
        attribution.assess(
            event("192.0.2.10", 5000, "2025-03-14T17:07:31"),
            EventContext.of(Optional.empty()).withZoneRegion(NEW_YORK));
    assertThat(a.status()).isEqualTo(AttributionStatus.ATTRIBUTABLE);
    assertThat(a.time().instant()).contains(Instant.parse("2025-03-14T21:07:31Z"));
    assertThat(a.time().flags()).containsExactly(TimeFlag.ZONE_FROM_CONFIG);
    assertThat(a.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(IpAttribution.request(a).orElseThrow().statedZone())
        .isEqualTo("America/New_York (configured)");
  }

  @Test
  void torExitListedOnlyAWeekLaterWithNoListForTheEventDateIsNotChecked() throws IOException {
    IpAttribution onlyLater =
        IpFixtures.full(dir).torExits(IpFixtures.tor("tordnsel-2025-03-21.txt")).build();
    IpEventAssessment a =
        onlyLater.assess(event("192.0.2.77", 5000, T), EventContext.of(Optional.empty()));
    assertThat(a.status()).isEqualTo(AttributionStatus.ATTRIBUTABLE);
    assertThat(a.finding(AttributionRule.TOR).orElseThrow().result())
        .isEqualTo(Finding.Result.NOT_CHECKED);
    assertThat(a.incomplete()).isTrue();
    IpEventAssessment later =
        onlyLater.assess(
            event("192.0.2.77", 5000, "2025-03-21T10:00:00Z"), EventContext.of(Optional.empty()));
    assertThat(later.status()).isEqualTo(AttributionStatus.TOR_EXIT);
  }

  @Test
  void torExitListedOnlyAWeekLaterIsNotAnExitAtTheEvent() {
    IpEventAssessment a =
        attribution.assess(event("192.0.2.77", 5000, T), EventContext.of(Optional.empty()));
    Finding tor = a.finding(AttributionRule.TOR).orElseThrow();
    assertThat(tor.result()).isEqualTo(Finding.Result.PASS);
    assertThat(tor.detail()).contains("2025-03-14");
  }

  @Test
  void productionModeRejectsDocumentationRanges() {
    IpAttribution production =
        IpAttribution.builder(Clock.fixed(IpFixtures.NOW, ZoneOffset.UTC))
            .mode(AttributionMode.PRODUCTION)
            .build();
    for (String ip :
        List.of("192.0.2.10", "198.51.100.7", "203.0.113.5", "198.18.0.1", "2001:db8::1")) {
      IpEventAssessment a =
          production.assess(event(ip, 5000, T), EventContext.of(Optional.empty()));
      assertThat(a.status()).as(ip).isEqualTo(AttributionStatus.NON_ROUTABLE);
      assertThat(IpAttribution.request(a)).isEmpty();
    }
    IpAttribution synthetic =
        IpAttribution.builder(Clock.fixed(IpFixtures.NOW, ZoneOffset.UTC))
            .mode(AttributionMode.SYNTHETIC_DATA)
            .build();
    IpEventAssessment ok =
        synthetic.assess(event("192.0.2.10", 5000, T), EventContext.of(Optional.empty()));
    assertThat(ok.status()).isEqualTo(AttributionStatus.ATTRIBUTABLE);
    assertThat(ok.finding(AttributionRule.IP_NONROUTABLE).orElseThrow().result())
        .isEqualTo(Finding.Result.FLAG);
  }

  @Test
  void withoutDataEveryDataRuleSaysNotChecked() {
    IpAttribution bare =
        IpAttribution.builder(Clock.fixed(IpFixtures.NOW, ZoneOffset.UTC))
            .mode(AttributionMode.SYNTHETIC_DATA)
            .build();
    IpEventAssessment a = bare.assess(event("2001:db8::1", T), EventContext.of(Optional.empty()));
    assertThat(a.status()).isEqualTo(AttributionStatus.ATTRIBUTABLE);
    for (AttributionRule r :
        List.of(
            AttributionRule.TOR,
            AttributionRule.VPN_DC,
            AttributionRule.SHARED_NET,
            AttributionRule.GEO)) {
      assertThat(a.finding(r).orElseThrow().result())
          .as(r.id())
          .isEqualTo(Finding.Result.NOT_CHECKED);
    }
    assertThat(a.confidence()).isEqualTo(Confidence.MEDIUM);
    // Without an ASN database the CGNAT status is unknown: an IPv4 capture without port needs one.
    assertThat(bare.assess(event("192.0.2.10", T), EventContext.of(Optional.empty())).status())
        .isEqualTo(AttributionStatus.NEEDS_PORT);
  }

  @Test
  void sharedNetworkFromSightings() {
    Instant t = Instant.parse(T);
    SharedNetworkIndex sightings =
        SharedNetworkIndex.of(
            List.of(
                new AccountObservation("192.0.2.10", "esp:a", t.minusSeconds(600)),
                new AccountObservation("192.0.2.10", "esp:b", t.plusSeconds(60)),
                new AccountObservation("192.0.2.10", "esp:c", t.minusSeconds(1800)),
                new AccountObservation("192.0.2.10", "esp:d", t.plusSeconds(3000)),
                new AccountObservation("192.0.2.10", "esp:far", t.minus(Duration.ofDays(2))),
                new AccountObservation("192.0.2.11", "esp:other-ip", t)));
    EventContext ctx =
        EventContext.of(Optional.empty()).withAccount("esp:me").withSightings(sightings);
    IpEventAssessment a = attribution.assess(event("192.0.2.10", 5000, T), ctx);
    assertThat(a.status()).isEqualTo(AttributionStatus.SHARED_NETWORK);
    assertThat(a.finding(AttributionRule.SHARED_NET).orElseThrow().detail())
        .startsWith("5 accounts");
    IpEventAssessment few = attribution.assess(event("192.0.2.11", 5000, T), ctx);
    assertThat(few.status()).isEqualTo(AttributionStatus.ATTRIBUTABLE);
    assertThat(few.finding(AttributionRule.SHARED_NET).orElseThrow().result())
        .isEqualTo(Finding.Result.PASS);
  }

  @Test
  void espProxyFlagLowersConfidence() {
    IpCaptureEvent e =
        new IpCaptureEvent(
            "192.0.2.10",
            Optional.empty(),
            Optional.empty(),
            Optional.of(org.tiptrace.tip.ReportedTime.parse(T)),
            TriState.TRUE,
            OptionalInt.of(5000));
    IpEventAssessment a = attribution.assess(e, EventContext.of(Optional.empty()));
    assertThat(a.status()).isEqualTo(AttributionStatus.ATTRIBUTABLE);
    assertThat(a.finding(AttributionRule.ESP_PROXY).orElseThrow().result())
        .isEqualTo(Finding.Result.FLAG);
    assertThat(a.confidence()).isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void embeddedIpv4IsFlagged() {
    IpEventAssessment a =
        attribution.assess(event("2002:c000:20a::1", T), EventContext.of(Optional.empty()));
    assertThat(a.finding(AttributionRule.IP_NONROUTABLE).orElseThrow().detail()).contains("6to4");
    assertThat(a.confidence()).isNotEqualTo(Confidence.HIGH);
  }

  @Test
  void ipv4MappedIpv6IsTreatedAsIpv4() {
    IpEventAssessment a =
        attribution.assess(event("::ffff:192.0.2.200", T), EventContext.of(Optional.empty()));
    assertThat(a.ip()).contains("192.0.2.200");
    assertThat(a.ipVersion()).isEqualTo(4);
    assertThat(a.status()).isEqualTo(AttributionStatus.NEEDS_PORT);
  }
}
