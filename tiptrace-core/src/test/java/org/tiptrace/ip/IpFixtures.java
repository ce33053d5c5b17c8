package org.tiptrace.ip;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.IpCaptureType;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.TriState;

/**
 * Synthetic IP data for tests: MMDB files written by {@link MmdbWriter} for the documentation
 * ranges with fictional ISPs (AS64496–AS64511, see isp-retention.yaml), and the CSV, Tor and VPN
 * fixtures under src/test/resources/ip.
 */
final class IpFixtures {
  static final long BUILD_EPOCH = 1_763_769_600L; // 2025-11-22T00:00:00Z
  static final Instant NOW = Instant.parse("2025-03-20T00:00:00Z");

  private IpFixtures() {}

  static Map<String, Object> asn(long number, String org) {
    return Map.of("autonomous_system_number", number, "autonomous_system_organization", org);
  }

  static MmdbWriter asnWriter() {
    return new MmdbWriter("Tiptrace-Test-ASN", BUILD_EPOCH)
        .insert("192.0.2.0/25", asn(64496, "Example Cable Co"))
        .insert("192.0.2.64/26", asn(64501, "Example Rural Wireless"))
        .insert("192.0.2.128/25", asn(64499, "Example DSL Networks"))
        .insert("198.51.100.0/24", asn(64497, "Example Mobile Wireless"))
        .insert("203.0.113.0/24", asn(64500, "Example Hosting"))
        .insert("198.18.0.0/15", asn(64498, "Example Business Fiber"))
        .insert("2001:db8::/33", asn(64496, "Example Cable Co"))
        .insert("2001:db8:4000::/34", asn(64497, "Example Mobile Wireless"))
        .insert("2001:db8:8000::/33", asn(64498, "Example Business Fiber"));
  }

  static MmdbWriter cityWriter() {
    return new MmdbWriter("Tiptrace-Test-City", BUILD_EPOCH)
        .insert(
            "192.0.2.0/24", Map.of("country_code", "US", "state1", "CA", "city", "Exampleville"))
        .insert("198.51.100.0/24", Map.of("country_code", "US", "state1", "TX"))
        .insert("203.0.113.0/24", Map.of("country_code", "GB", "city", "Sampleford"))
        // GeoLite2-style nested layout
        .insert(
            "198.18.0.0/15",
            Map.of(
                "country", Map.of("iso_code", "US"),
                "subdivisions", List.of(Map.of("iso_code", "WA")),
                "city", Map.of("names", Map.of("en", "Benchtown"))))
        .insert("2001:db8::/32", Map.of("country_code", "US", "state1", "NY"));
  }

  /** Writes both MMDB files into {@code dir} and opens them. */
  static List<EnrichmentSource> mmdbSources(Path dir) throws IOException {
    Path a = dir.resolve("test-asn.mmdb");
    Path c = dir.resolve("test-city.mmdb");
    asnWriter().write(a);
    cityWriter().write(c);
    return List.of(MmdbDatabase.open(a), MmdbDatabase.open(c));
  }

  static Reader resource(String name) {
    InputStream in =
        Objects.requireNonNull(IpFixtures.class.getResourceAsStream("/ip/" + name), name);
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  static TorExitList tor(String... files) {
    return TorExitList.merge(
        java.util.Arrays.stream(files)
            .map(
                f -> {
                  try (Reader r = resource(f)) {
                    return TorExitList.parse(r, f);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .toList());
  }

  static VpnList vpn(String file, VpnList.Kind kind) throws IOException {
    try (Reader r = resource(file)) {
      return VpnList.parse(r, file, kind, LocalDate.of(2025, 3, 14));
    }
  }

  /** A facade in synthetic-data mode with every data set. */
  static IpAttribution.Builder full(Path dir) throws IOException {
    IpAttribution.Builder b =
        IpAttribution.builder(Clock.fixed(NOW, ZoneOffset.UTC))
            .mode(AttributionMode.SYNTHETIC_DATA)
            .torExits(tor("tordnsel-2025-03-14.txt", "tordnsel-2025-03-21.txt"))
            .vpnList(vpn("x4bnet-vpn-ipv4.txt", VpnList.Kind.VPN))
            .vpnList(vpn("x4bnet-datacenter-ipv6.txt", VpnList.Kind.DATACENTER));
    mmdbSources(dir).forEach(b::source);
    return b;
  }

  static IpCaptureEvent event(String ip, OptionalInt port, Optional<String> time) {
    return new IpCaptureEvent(
        ip,
        Optional.empty(),
        Optional.of(IpCaptureType.UPLOAD),
        time.map(ReportedTime::parse),
        TriState.UNKNOWN,
        port);
  }

  static IpCaptureEvent event(String ip, int port, String time) {
    return event(ip, OptionalInt.of(port), Optional.of(time));
  }

  static IpCaptureEvent event(String ip, String time) {
    return event(ip, OptionalInt.empty(), Optional.of(time));
  }

  /** A time that ReportedTime cannot parse (not xs:dateTime), as another reader might give it. */
  static IpCaptureEvent eventWithRaw(
      String ip, int port, String raw, String localIso, Optional<ZoneOffset> off) {
    return new IpCaptureEvent(
        ip,
        Optional.empty(),
        Optional.of(IpCaptureType.LOGIN),
        Optional.of(new ReportedTime(raw, java.time.LocalDateTime.parse(localIso), off)),
        TriState.UNKNOWN,
        OptionalInt.of(port));
  }
}
