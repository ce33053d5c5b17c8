package org.tiptrace.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CircuitTableTest {
  private static final CircuitTable TABLE = CircuitTable.bundled();

  /** 28 U.S.C. § 41, spot checks: postal codes, names as routing upper-cases them, ISO 3166-2. */
  @ParameterizedTest(name = "{0}/{1} → {2}")
  @CsvSource({
    "US, CA,             US-CA9",
    "US, CALIFORNIA,     US-CA9",
    "us, ca,             US-CA9",
    "US, US-TX,          US-CA5",
    "US, TEXAS,          US-CA5",
    "US, MI,             US-CA6",
    "US, NY,             US-CA2",
    "US, PR,             US-CA1",
    "US, VIRGIN ISLANDS, US-CA3",
    "US, NC,             US-CA4",
    "US, DC,             US-CADC",
    "US, GU,             US-CA9",
    "US, MP,             US-CA9",
    "US, WY,             US-CA10",
    "US, GA,             US-CA11",
    "US, IA,             US-CA8",
    "US, WI,             US-CA7",
  })
  void aRegionMapsToItsCircuit(String country, String region, String circuit) {
    assertThat(TABLE.circuitOf(Optional.of(country), Optional.of(region)))
        .map(CircuitTable.Circuit::id)
        .contains(circuit);
  }

  @Test
  void everyStateTerritoryAndDcIsListedOnceAndUnlistedPlacesAreUnknown() {
    assertThat(TABLE.circuits()).hasSize(12);
    assertThat(TABLE.citations()).extracting(Citation::key).contains("USC28-41");
    String[] states = {
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
          "KS",
      "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
          "NY",
      "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
          "WV",
      "WI", "WY", "DC", "PR", "VI", "GU", "MP"
    };
    for (String s : states) {
      assertThat(TABLE.circuitOf(Optional.of("US"), Optional.of(s))).as(s).isPresent();
    }
    // American Samoa has no district court; a foreign region, a missing region: unknown.
    assertThat(TABLE.circuitOf(Optional.of("US"), Optional.of("AS"))).isEmpty();
    assertThat(TABLE.circuitOf(Optional.of("CA"), Optional.of("ON"))).isEmpty();
    assertThat(TABLE.circuitOf(Optional.of("US"), Optional.empty())).isEmpty();
    assertThat(TABLE.circuitOf(Optional.empty(), Optional.of("CA"))).isEmpty();
  }

  @Test
  void aRegionInTwoCircuitsIsRefusedWithItsLine() {
    String yaml =
        """
        table: t
        version: 1
        effective_from: 2026-11-23
        country: US
        citations: [A]
        sources: {A: "28 U.S.C. § 41"}
        circuits:
          - id: US-CA5
            name: Fifth Circuit
            members: {TX: Texas}
          - id: US-CA9
            name: Ninth Circuit
            members:
              CA: California
              TX: Texas
        """;
    assertThatThrownBy(() -> CircuitTable.parse(yaml.getBytes(StandardCharsets.UTF_8), "c.yaml"))
        .isInstanceOf(RuleSetException.class)
        .hasMessage("c.yaml:15: circuits.US-CA9.members.TX: 'TX' is already in US-CA5");
  }
}
