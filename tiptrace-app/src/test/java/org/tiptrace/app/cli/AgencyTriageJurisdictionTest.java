package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.ip.RoutingDecision;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TriState;

/** The triage input "in jurisdiction", read from a tip's stored routing decision. */
class AgencyTriageJurisdictionTest {
  private static final AgencyId LOCAL = new AgencyId("LOCAL");

  @ParameterizedTest(name = "{0} to {1} -> {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "ROUTED, LOCAL, TRUE",
        "ROUTED, local, TRUE",
        "ROUTED, DEMO-ICAC-TX, FALSE",
        "INTERNATIONAL_REFERRAL, DEMO-INTL-GB, FALSE",
        "REVIEW, -, UNKNOWN",
      })
  void routingDecidesInJurisdiction(
      RoutingDecision.Outcome outcome, String agency, TriState expected) {
    RoutingDecision d =
        new RoutingDecision(
            outcome,
            Optional.ofNullable(agency),
            outcome == RoutingDecision.Outcome.INTERNATIONAL_REFERRAL,
            Optional.of("US"),
            Optional.empty(),
            List.of("because"),
            List.of());
    AssessmentRepository.Stored stored =
        new AssessmentRepository.Stored(
            new TipId(1),
            "d",
            Instant.parse("2026-11-22T00:00:00Z"),
            "[]",
            Optional.of(TipJsonOf.routing(d)));
    assertThat(AgencyTriage.inJurisdiction(LOCAL, Optional.of(stored))).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void neverAssessedOrNeverRoutedIsUnknown() {
    assertThat(AgencyTriage.inJurisdiction(LOCAL, Optional.empty())).isEqualTo(TriState.UNKNOWN);
    AssessmentRepository.Stored old =
        new AssessmentRepository.Stored(
            new TipId(1), "d", Instant.parse("2026-11-22T00:00:00Z"), "[]");
    assertThat(AgencyTriage.inJurisdiction(LOCAL, Optional.of(old))).isEqualTo(TriState.UNKNOWN);
  }

  /** The stored form, as the repository writes it. */
  private static final class TipJsonOf {
    static String routing(RoutingDecision d) {
      return org.tiptrace.tip.TipJson.write(d);
    }
  }
}
