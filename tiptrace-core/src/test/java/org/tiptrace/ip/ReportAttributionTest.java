package org.tiptrace.ip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrace.synth.SyntheticTips;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.SourceFormat;

/** Synthetic tips flow end to end in synthetic-data mode, and production mode stops them. */
class ReportAttributionTest {
  @TempDir Path dir;

  private static List<Report> reports() {
    SyntheticTips gen = new SyntheticTips(42L, Instant.parse("2025-03-20T00:00:00Z"));
    List<Report> out = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      out.add(gen.next(SourceFormat.LE_JSON));
    }
    return out;
  }

  @Test
  void everyCaptureOfEverySyntheticTipIsAssessed() throws IOException {
    IpAttribution f = IpFixtures.full(dir).build();
    int captures = 0;
    int attributable = 0;
    for (Report r : reports()) {
      long expected = r.allUsers().stream().mapToLong(u -> u.ipCaptureEvents().size()).sum();
      List<IpEventAssessment> as = f.assess(r, EventContext.of(Optional.empty()));
      assertThat(as).hasSize((int) expected);
      for (IpEventAssessment a : as) {
        captures++;
        assertThat(a.status())
            .isNotIn(AttributionStatus.NON_ROUTABLE, AttributionStatus.INVALID_IP);
        assertThat(a.reportId()).isEqualTo(r.cybertipReportId());
        assertThat(a.findings()).isNotEmpty();
        if (a.status() == AttributionStatus.ATTRIBUTABLE) {
          attributable++;
          assertThat(IpAttribution.request(a).orElseThrow().instantUtc()).endsWith("Z");
        }
      }
    }
    assertThat(captures).isPositive();
    Report first = reports().get(0);
    RoutingDecision d = f.route(first, f.assess(first, EventContext.of(Optional.empty())));
    assertThat(d.reasons()).isNotEmpty();
    if (d.outcome() != RoutingDecision.Outcome.REVIEW) {
      assertThat(d.agency()).isPresent();
    }
    assertThat(attributable).isPositive();
  }

  @Test
  void productionModeStopsSyntheticAddresses() {
    IpAttribution production =
        IpAttribution.builder(Clock.fixed(IpFixtures.NOW, ZoneOffset.UTC)).build();
    for (Report r : reports()) {
      for (IpEventAssessment a : production.assess(r, EventContext.of(Optional.empty()))) {
        assertThat(a.status()).isEqualTo(AttributionStatus.NON_ROUTABLE);
      }
    }
  }
}
