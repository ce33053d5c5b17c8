package org.tiptrace.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.ip.IpFixtures.event;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IspRequestTest {
  @TempDir Path dir;

  @Test
  void ipv4RequestCarriesEveryField() throws IOException {
    IpAttribution f = IpFixtures.full(dir).build();
    IpEventAssessment a =
        f.assess(
            event("192.0.2.200", 51234, "2025-03-14T16:07:31.250-05:00"),
            EventContext.of(Optional.of("123456789")).withDestination("198.51.100.1:443/TCP"));
    IspRequest r = IpAttribution.request(a).orElseThrow();
    assertThat(r.ip()).isEqualTo("192.0.2.200");
    assertThat(r.port()).hasValue(51234);
    assertThat(r.instantUtc()).isEqualTo("2025-03-14T21:07:31Z");
    assertThat(r.rawTimestamp()).isEqualTo("2025-03-14T16:07:31.250-05:00");
    assertThat(r.statedZone()).isEqualTo("-05:00");
    assertThat(r.destination()).contains("198.51.100.1:443/TCP");
    assertThat(r.reportId()).contains("123456789");
    assertThat(r.delegatedPrefix()).isEmpty();
    assertThat(r.asn()).contains(64499L);
    assertThat(r.isp()).startsWith("Example DSL");
    assertThat(r.ask()).contains("lease start and end for the address at that instant");
  }

  @Test
  void assessmentAndRequestSerialiseToJson() throws IOException {
    IpAttribution f = IpFixtures.full(dir).build();
    IpEventAssessment a =
        f.assess(event("2001:db8::1", "2025-03-14T21:07:31Z"), EventContext.of(Optional.of("7")));
    String json = org.tiptrace.tip.TipJson.write(a);
    assertThat(json).contains("\"status\":\"ATTRIBUTABLE\"").contains("2001:db8::/56");
    assertThat(org.tiptrace.tip.TipJson.write(IpAttribution.request(a).orElseThrow()))
        .contains("\"instantUtc\":\"2025-03-14T21:07:31Z\"");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // residential cable: /56
    "2001:db8:12:3456:1c2e:9bff:fe41:5d10, 2001:db8:12:3400::/56, 64496",
    // mobile: /64
    "2001:db8:4000:1:2:3:4:5,                2001:db8:4000:1::/64,  64497",
    // business: /48
    "2001:db8:8001:2345:6789::1,             2001:db8:8001::/48,    64498",
  })
  void ipv6IsAttributedAtTheDelegatedPrefix(String ip, String prefix, long asn) throws IOException {
    IpAttribution f = IpFixtures.full(dir).build();
    IpEventAssessment a =
        f.assess(event(ip, "2025-03-14T21:07:31Z"), EventContext.of(Optional.empty()));
    assertThat(a.delegatedPrefix()).contains(prefix);
    assertThat(a.finding(AttributionRule.IP_V6).orElseThrow().detail()).contains(prefix);
    IspRequest r = IpAttribution.request(a).orElseThrow();
    assertThat(r.delegatedPrefix()).contains(prefix);
    assertThat(r.asn()).contains(asn);
    assertThat(r.port()).isEmpty();
  }

  @Test
  void prefixIsNeverLongerThan64() throws IOException {
    RetentionTable t =
        RetentionTest.table(
            "  - {key: AS64496, asn: 64496, name: A, ipv6_prefix: 64, source: s}\n");
    IpAttribution.Builder b = IpFixtures.full(dir).retention(t);
    IpEventAssessment a =
        b.build()
            .assess(
                event("2001:db8::abcd:1", "2025-03-14T21:07:31Z"),
                EventContext.of(Optional.empty()));
    assertThat(a.delegatedPrefix()).contains("2001:db8::/64");
    // A /72 cannot even be configured.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                RetentionTest.table(
                    "  - {key: X, asn: 64496, name: A, ipv6_prefix: 72, source: s}\n"))
        .hasMessageContaining("ipv6_prefix");
  }
}
