package org.tiptrace.store.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.ip.InstalledDataSet;
import org.tiptrace.ip.IpDataKind;
import org.tiptrace.ip.IpDataRepository;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.tip.Sha256;

class JdbcIpDataRepositoryTest {
  private static final Instant BUILD = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant IMPORTED = Instant.parse("2026-11-20T08:30:00.123456Z");

  private static InstalledDataSet set(String name, IpDataKind kind, byte[] bytes) {
    return new InstalledDataSet(
        name,
        kind,
        kind == IpDataKind.CSV ? "csv:ASN" : kind.label(),
        name + ".txt",
        Sha256.of(bytes),
        bytes.length,
        BUILD,
        IMPORTED);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void installListReadReplaceRemove(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      IpDataRepository repo = new JdbcIpDataRepository(db.database().dataSource());
      assertThat(repo.list()).isEmpty();

      byte[] asn = utf8("192.0.2.0,192.0.2.255,64496,Example Net\n");
      byte[] vpn = utf8("198.51.100.0/24\n");
      repo.install(set("zz-asn", IpDataKind.CSV, asn), asn);
      repo.install(set("aa-vpn", IpDataKind.VPN, vpn), vpn);

      assertThat(repo.list())
          .extracting(InstalledDataSet::name)
          .containsExactly("aa-vpn", "zz-asn");
      assertThat(repo.list().get(1)).isEqualTo(set("zz-asn", IpDataKind.CSV, asn));
      assertThat(repo.bytes("zz-asn")).hasValueSatisfying(b -> assertThat(b).isEqualTo(asn));
      assertThat(repo.bytes("missing")).isEqualTo(Optional.empty());

      byte[] asn2 = utf8("192.0.2.0,192.0.2.255,64497,Example Two\n");
      repo.install(set("zz-asn", IpDataKind.CSV, asn2), asn2);
      assertThat(repo.list()).hasSize(2);
      assertThat(repo.list().get(1).sha256()).isEqualTo(Sha256.of(asn2));
      assertThat(repo.bytes("zz-asn")).hasValueSatisfying(b -> assertThat(b).isEqualTo(asn2));

      assertThat(repo.remove("aa-vpn")).isTrue();
      assertThat(repo.remove("aa-vpn")).isFalse();
      assertThat(repo.list()).extracting(InstalledDataSet::name).containsExactly("zz-asn");
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void bytesThatDoNotMatchTheRecordAreRefused(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      IpDataRepository repo = new JdbcIpDataRepository(db.database().dataSource());
      byte[] bytes = utf8("198.51.100.0/24\n");
      assertThatThrownBy(() -> repo.install(set("vpn", IpDataKind.VPN, bytes), utf8("other")))
          .hasMessageContaining("vpn")
          .hasMessageContaining("not those the record describes");
      assertThat(repo.list()).isEmpty();
    }
  }
}
