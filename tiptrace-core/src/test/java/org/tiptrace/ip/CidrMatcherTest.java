package org.tiptrace.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrMatcherTest {

  @ParameterizedTest
  @CsvSource({
    "198.51.100.191, false",
    "198.51.100.192, true",
    "198.51.100.255, true",
    "198.51.101.0,   false",
    "203.0.113.127,  false",
    "203.0.113.128,  true",
    "2001:db8:dc::,  true",
    "2001:db8:dc:ffff:ffff:ffff:ffff:ffff, true",
    "2001:db8:dd::,  false",
    "2001:db8:db:ffff:ffff:ffff:ffff:ffff, false",
  })
  void boundaries(String ip, boolean expected) throws Exception {
    VpnList v4 = IpFixtures.vpn("x4bnet-vpn-ipv4.txt", VpnList.Kind.VPN);
    VpnList v6 = IpFixtures.vpn("x4bnet-datacenter-ipv6.txt", VpnList.Kind.DATACENTER);
    byte[] a = IpAddresses.parse(ip).orElseThrow();
    assertThat(v4.contains(a) || v6.contains(a)).isEqualTo(expected);
  }

  @Test
  void agreesWithALinearScanOnRandomBlocks() {
    Random rnd = new Random(20261122L);
    List<Cidr> blocks = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] b = new byte[4];
      rnd.nextBytes(b);
      blocks.add(new Cidr(b, 8 + rnd.nextInt(25)));
    }
    CidrSet set = CidrSet.of(blocks);
    for (int i = 0; i < 20_000; i++) {
      byte[] a = new byte[4];
      rnd.nextBytes(a);
      if (i % 2 == 0) { // half of the probes inside some block
        Cidr c = blocks.get(rnd.nextInt(blocks.size()));
        System.arraycopy(c.network(), 0, a, 0, c.prefixLength() / 8);
      }
      boolean linear = blocks.stream().anyMatch(c -> c.contains(a));
      assertThat(set.contains(a))
          .as("seed 20261122, probe %s", IpAddresses.format(a))
          .isEqualTo(linear);
    }
  }

  @Test
  void fileLoadersReadWhatTheCliWillImport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path tor = dir.resolve("exits-2025-03-14.txt");
    java.nio.file.Files.writeString(
        tor,
        "ExitNode AB\nExitAddress 203.0.113.9 2025-03-14 15:13:18\n",
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(TorExitList.load(tor).check("203.0.113.9", Instant.parse("2025-03-14T20:00:00Z"), 0))
        .isEqualTo(TorExitList.Listing.LISTED);
    java.nio.file.Path vpn = dir.resolve("ipv4.txt");
    java.nio.file.Files.writeString(
        vpn, "198.51.100.0/25\n", java.nio.charset.StandardCharsets.UTF_8);
    VpnList v = VpnList.load(vpn, VpnList.Kind.VPN, LocalDate.of(2025, 3, 14));
    assertThat(v.contains(IpAddresses.parse("198.51.100.127").orElseThrow())).isTrue();
    assertThat(v.name()).isEqualTo("ipv4.txt");
    java.nio.file.Path ret = dir.resolve("retention.yaml");
    try (var in = RetentionTable.class.getResourceAsStream(RetentionTable.RESOURCE)) {
      java.nio.file.Files.copy(in, ret);
    }
    assertThat(RetentionTable.load(ret).isps()).isNotEmpty();
    java.nio.file.Path routes = dir.resolve("routes.yaml");
    try (var in = JurisdictionTable.class.getResourceAsStream(JurisdictionTable.RESOURCE)) {
      java.nio.file.Files.copy(in, routes);
    }
    assertThat(JurisdictionTable.load(routes).version()).isEqualTo(1);
  }

  @Test
  void cidrParsing() {
    assertThat(Cidr.parse("192.0.2.77/24")).hasToString("192.0.2.0/24");
    assertThat(Cidr.parse("2001:DB8::1/32")).hasToString("2001:db8::/32");
    assertThat(Cidr.parse("::ffff:192.0.2.0/120")).hasToString("192.0.2.0/24");
    assertThatThrownBy(() -> Cidr.parse("192.0.2.0/33")).hasMessageContaining("33");
    assertThatThrownBy(
            () ->
                VpnList.parse(
                    new StringReader("198.51.100.0/24\nbogus/7\n"),
                    "vpn.txt",
                    VpnList.Kind.VPN,
                    LocalDate.of(2025, 1, 1)))
        .hasMessageStartingWith("vpn.txt line 2");
  }

  @Test
  void torListParseErrorsNameTheLine() {
    assertThatThrownBy(
            () ->
                TorExitList.parse(
                    new StringReader("ExitNode AB\nExitAddress 203.0.113.9 2025-03-14\n"), "exits"))
        .hasMessageStartingWith("exits line 2");
    assertThatThrownBy(() -> TorExitList.parse(new StringReader("Bogus x\n"), "exits"))
        .hasMessageContaining("unknown line kind");
  }

  @Test
  void torToleranceIsOneDayEitherSide() {
    TorExitList l = IpFixtures.tor("tordnsel-2025-03-14.txt");
    assertThat(l.check("203.0.113.9", Instant.parse("2025-03-13T00:00:00Z"), 1))
        .isEqualTo(TorExitList.Listing.LISTED);
    assertThat(l.check("203.0.113.9", Instant.parse("2025-03-15T23:59:59Z"), 1))
        .isEqualTo(TorExitList.Listing.LISTED);
    assertThat(l.check("203.0.113.9", Instant.parse("2025-03-16T00:00:00Z"), 1))
        .isEqualTo(TorExitList.Listing.NOT_COVERED);
    assertThat(l.check("203.0.113.10", Instant.parse("2025-03-14T00:00:00Z"), 1))
        .isEqualTo(TorExitList.Listing.NOT_LISTED);
    assertThat(l.check("203.0.113.9", Instant.parse("2025-03-13T00:00:00Z"), 0))
        .isEqualTo(TorExitList.Listing.NOT_COVERED);
  }
}
