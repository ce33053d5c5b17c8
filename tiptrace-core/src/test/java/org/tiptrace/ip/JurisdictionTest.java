package org.tiptrace.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrace.tip.EstimatedLocation;
import org.tiptrace.tip.TriState;

class JurisdictionTest {
  private final JurisdictionTable table = JurisdictionTable.bundled();

  private static Enrichment geo(String ip, String country, String region) {
    return new Enrichment(
        ip,
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(country),
        Optional.ofNullable(region),
        Optional.empty(),
        List.of(),
        Set.of(DataKind.ASN));
  }

  private static List<EstimatedLocation> esp(String country, String region) {
    return List.of(
        new EstimatedLocation(
            Optional.empty(),
            Optional.ofNullable(region),
            Optional.ofNullable(country),
            TriState.UNKNOWN,
            Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // case                        | ip country/region | 2nd ip      | ESP country/region |
        // outcome | agency        | intl
        "IP and ESP agree              | US | CA | -  | -  | US | California | ROUTED | DEMO-ICAC-CA | false",
        "ISO 3166-2 region             | US | US-NY | - | - | -  | -          | ROUTED | DEMO-ICAC-NY | false",
        "ESP only                      | -  | -  | -  | -  | US | TX         | ROUTED | DEMO-ICAC-TX | false",
        "countries conflict            | US | CA | -  | -  | CA | ON         | REVIEW | -            | false",
        "regions conflict              | US | CA | US | NY | -  | -          | REVIEW | -            | false",
        "state unknown                 | US | -  | -  | -  | -  | -          | REVIEW | -            | false",
        "no route for state            | US | OR | -  | -  | -  | -          | REVIEW | -            | false",
        "nothing known                 | -  | -  | -  | -  | -  | -          | REVIEW | -            | false",
        "foreign with a country row    | GB | -  | -  | -  | GB | -          | INTERNATIONAL_REFERRAL | DEMO-INTL-GB | true",
        "foreign without a row         | DE | BY | -  | -  | -  | -          | INTERNATIONAL_REFERRAL | DEMO-INTL-REFERRAL | true",
      })
  void routes(
      String name,
      String c1,
      String r1,
      String c2,
      String r2,
      String espCountry,
      String espRegion,
      RoutingDecision.Outcome outcome,
      String agency,
      boolean international) {
    List<Enrichment> es = new java.util.ArrayList<>();
    if (c1 != null || r1 != null) {
      es.add(geo("192.0.2.10", c1, r1));
    }
    if (c2 != null || r2 != null) {
      es.add(geo("198.51.100.7", c2, r2));
    }
    List<EstimatedLocation> loc =
        espCountry == null && espRegion == null ? List.of() : esp(espCountry, espRegion);
    RoutingDecision d = table.route(es, loc);
    assertThat(d.outcome()).as(d.reasons().toString()).isEqualTo(outcome);
    assertThat(d.agency()).isEqualTo(Optional.ofNullable(agency));
    assertThat(d.internationalReferral()).isEqualTo(international);
    assertThat(d.reasons()).isNotEmpty();
  }

  @Test
  void conflictKeepsTheEvidence() {
    RoutingDecision d = table.route(List.of(geo("192.0.2.10", "US", "CA")), esp("GB", null));
    assertThat(d.outcome()).isEqualTo(RoutingDecision.Outcome.REVIEW);
    assertThat(d.reasons().get(0)).contains("conflicting countries").contains("US").contains("GB");
    assertThat(d.evidence()).hasSize(2);
  }

  @Test
  void validationNamesRowAndValue() {
    String yaml =
        "version: 1\neffective_from: 2026-11-22\nhome_country: US\ninternational_agency: X\n"
            + "routes:\n  - {country: USA, agency: A}\n";
    assertThatThrownBy(
            () ->
                JurisdictionTable.load(
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "j.yaml"))
        .hasMessage("j.yaml: routes[0].country: must be an ISO 3166 two-letter code, was 'USA'");
    String twice =
        "version: 1\neffective_from: 2026-11-22\nhome_country: US\ninternational_agency: X\n"
            + "routes:\n  - {country: US, regions: [CA], agency: A}\n  - {country: US, regions: [ca], agency: B}\n";
    assertThatThrownBy(
            () ->
                JurisdictionTable.load(
                    new ByteArrayInputStream(twice.getBytes(StandardCharsets.UTF_8)), "j.yaml"))
        .hasMessage("j.yaml: routes[1].regions: region 'ca' routed twice");
  }
}
