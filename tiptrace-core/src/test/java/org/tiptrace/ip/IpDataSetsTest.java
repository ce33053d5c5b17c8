package org.tiptrace.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrace.tip.Sha256;

/** Import validation of IP data files and loading installed sets into an attribution. */
class IpDataSetsTest {
  private static final Instant FILE_DATE = Instant.parse("2026-10-01T12:00:00Z");
  private static final Instant IMPORTED = Instant.parse("2026-11-22T09:00:00Z");

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static InstalledDataSet validate(IpDataKind kind, String file, byte[] bytes)
      throws IpDataSets.InvalidDataFile {
    return IpDataSets.validate(kind, "set", file, bytes, FILE_DATE, Optional.empty(), IMPORTED);
  }

  @Test
  void anMmdbFileRecordsItsTypeAndBuildEpoch() throws Exception {
    byte[] bytes = IpFixtures.asnWriter().toBytes();
    InstalledDataSet s = validate(IpDataKind.MMDB, "asn.mmdb", bytes);
    assertThat(s.detail()).isEqualTo("Tiptrace-Test-ASN");
    assertThat(s.build()).isEqualTo(Instant.ofEpochSecond(IpFixtures.BUILD_EPOCH));
    assertThat(s.sha256()).isEqualTo(Sha256.of(bytes));
    assertThat(s.size()).isEqualTo(bytes.length);
    assertThat(s.importedAt()).isEqualTo(IMPORTED);
    assertThat(s.describe()).contains("set (mmdb ").contains("built 2025-11-22T00:00:00Z");
  }

  @Test
  void anMmdbFileRefusesAStatedBuildDate() {
    assertThatThrownBy(
            () ->
                IpDataSets.validate(
                    IpDataKind.MMDB,
                    "set",
                    "asn.mmdb",
                    IpFixtures.asnWriter().toBytes(),
                    FILE_DATE,
                    Optional.of(FILE_DATE),
                    IMPORTED))
        .isInstanceOf(IpDataSets.InvalidDataFile.class)
        .hasMessageContaining("asn.mmdb")
        .hasMessageContaining("build_epoch");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // kind | file | content (\\n = newline) | detail or build
        "CSV | asn.csv     | 192.0.2.0,192.0.2.255,64496,Example Net | csv:ASN",
        "CSV | cc.csv      | 192.0.2.0,192.0.2.255,US | csv:COUNTRY",
        "CSV | city.csv    | 192.0.2.0,192.0.2.255,US,CA,,Example City,,,, | csv:CITY",
        "CSV | head.csv    | ip_range_start,ip_range_end,country_code\\n192.0.2.0,192.0.2.255,US | csv:COUNTRY",
        "TOR | exits.txt   | ExitNode 0123456789ABCDEF0123456789ABCDEF01234567\\nExitAddress 203.0.113.9 2025-03-14 15:13:18 | tor",
        "VPN | vpn.txt     | # list\\n198.51.100.0/24\\n2001:db8:1::/48 | vpn",
        "DATACENTER | dc.txt | 203.0.113.0/25 | datacenter",
      })
  void goodFilesAreAccepted(IpDataKind kind, String file, String content, String detail)
      throws Exception {
    InstalledDataSet s = validate(kind, file, utf8(content.replace("\\n", "\n")));
    assertThat(s.detail()).isEqualTo(detail);
    assertThat(s.build()).as("the file date without --built").isEqualTo(FILE_DATE);
    assertThat(s.sourceFile()).isEqualTo(file);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // kind | file | content | expected message parts (;-separated)
        "MMDB | bad.mmdb   | not a database | bad.mmdb: not a readable MaxMind DB file",
        "CSV  | bad.csv    | 192.0.2.0,192.0.2.255,US\\n192.0.2.999,192.0.3.0,US | bad.csv line 2;not an IP address;192.0.2.999",
        "CSV  | cols.csv   | 192.0.2.0,192.0.2.255,US,x,y | cols.csv line 1;5 columns",
        "CSV  | fam.csv    | 192.0.2.0,2001:db8::1,US | fam.csv line 1;different families",
        "CSV  | blank.csv  | # only a comment | blank.csv: no ranges",
        "TOR  | tor.txt    | ExitNode AB\\nExitAddress 203.0.113.9 yesterday | tor.txt line 2",
        "TOR  | kind.txt   | Hello world | kind.txt line 1;unknown line kind 'Hello'",
        "TOR  | none.txt   | ExitNode 0123456789ABCDEF0123456789ABCDEF01234567 | none.txt: no ExitAddress",
        "VPN  | vpn.txt    | 198.51.100.0/24\\n198.51.100.0/33 | vpn.txt line 2",
        "VPN  | empty.txt  | # nothing | empty.txt: no CIDR blocks",
      })
  void badFilesNameTheFileTheLineAndTheReason(
      IpDataKind kind, String file, String content, String expected) {
    assertThatThrownBy(() -> validate(kind, file, utf8(content.replace("\\n", "\n"))))
        .isInstanceOf(IpDataSets.InvalidDataFile.class)
        .satisfies(
            e -> {
              for (String part : expected.split(";")) {
                assertThat(e.getMessage()).contains(part.strip());
              }
            });
  }

  @Test
  void notUtf8AndEmptyFilesAndBadNamesAreRefused() {
    assertThatThrownBy(() -> validate(IpDataKind.VPN, "latin.txt", new byte[] {(byte) 0xE9, '\n'}))
        .hasMessageContaining("latin.txt: not UTF-8");
    assertThatThrownBy(() -> validate(IpDataKind.CSV, "zero.csv", new byte[0]))
        .hasMessageContaining("zero.csv: empty file");
    assertThatThrownBy(
            () ->
                IpDataSets.validate(
                    IpDataKind.VPN,
                    "../etc",
                    "v.txt",
                    utf8("198.51.100.0/24"),
                    FILE_DATE,
                    Optional.empty(),
                    IMPORTED))
        .hasMessageContaining("v.txt")
        .hasMessageContaining("data set name");
  }

  /** An in-memory repository: the port's contract is tested on the real store in tiptrace-store. */
  private static final class Installed implements IpDataRepository {
    final Map<String, InstalledDataSet> sets = new LinkedHashMap<>();
    final Map<String, byte[]> bytes = new LinkedHashMap<>();

    @Override
    public void install(InstalledDataSet set, byte[] b) {
      sets.put(set.name(), set);
      bytes.put(set.name(), b.clone());
    }

    @Override
    public List<InstalledDataSet> list() {
      return new ArrayList<>(sets.values());
    }

    @Override
    public boolean remove(String name) {
      bytes.remove(name);
      return sets.remove(name) != null;
    }

    @Override
    public Optional<byte[]> bytes(String name) {
      return Optional.ofNullable(bytes.get(name)).map(byte[]::clone);
    }
  }

  private static void install(Installed repo, IpDataKind kind, String name, byte[] bytes)
      throws IpDataSets.InvalidDataFile {
    repo.install(
        IpDataSets.validate(
            kind, name, name + ".file", bytes, FILE_DATE, Optional.empty(), IMPORTED),
        bytes);
  }

  @Test
  void installedSetsAnswerLookupsAndNameThemselvesInTheAnswers() throws Exception {
    Installed repo = new Installed();
    install(repo, IpDataKind.MMDB, "geo-asn", IpFixtures.asnWriter().toBytes());
    install(repo, IpDataKind.CSV, "geo-cc", utf8("192.0.2.0,192.0.2.255,US\n"));
    install(repo, IpDataKind.VPN, "vpn", utf8("198.18.0.0/15\n"));
    IpDataSets.Loaded loaded = IpDataSets.load(repo);
    assertThat(loaded.description())
        .hasSize(3)
        .anySatisfy(d -> assertThat(d).startsWith("geo-asn (mmdb ").contains("built 2025-11-22"))
        .anySatisfy(d -> assertThat(d).startsWith("geo-cc (csv csv:COUNTRY, built 2026-10-01"));

    IpAttribution a =
        loaded
            .addTo(
                IpAttribution.builder(Clock.fixed(IpFixtures.NOW, ZoneOffset.UTC))
                    .mode(AttributionMode.SYNTHETIC_DATA))
            .build();
    Enrichment e = a.enrich("192.0.2.10").orElseThrow();
    assertThat(e.countryCode()).contains("US");
    assertThat(e.answers())
        .anySatisfy(
            ans -> {
              assertThat(ans.source()).isEqualTo("geo-cc");
              assertThat(ans.build()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
            });
  }

  @Test
  void storedBytesThatNoLongerMatchTheirDigestAreRefused() throws Exception {
    Installed repo = new Installed();
    install(repo, IpDataKind.VPN, "vpn", utf8("198.18.0.0/15\n"));
    repo.bytes.put("vpn", utf8("198.18.0.0/16\n"));
    assertThatThrownBy(() -> IpDataSets.load(repo))
        .isInstanceOf(IpDataSets.InvalidDataFile.class)
        .hasMessageContaining("vpn: stored bytes do not match the SHA-256");
  }
}
