package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.tiptrace.ip.AttributionMode;
import org.tiptrace.ip.CsvRangeDatabase;
import org.tiptrace.ip.DataKind;
import org.tiptrace.ip.EventContext;
import org.tiptrace.ip.IpAttribution;
import org.tiptrace.synth.SyntheticDataSet;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;
import org.tiptrace.triage.AttributionStatus;
import org.tiptrace.triage.IpSignal;
import org.tiptrace.triage.TipSignals;
import org.tiptrace.triage.TriageRules;

class AgencyTriageTest {
  private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
  private static final AgencyId LOCAL = new AgencyId("LOCAL");

  private static IpAttribution attribution(AttributionMode mode) throws Exception {
    CsvRangeDatabase asn =
        CsvRangeDatabase.load(
            new StringReader(
                "192.0.2.0,192.0.2.255,64496,Example Cable Co\n"
                    + "198.51.100.0,198.51.100.255,64499,Example DSL Networks\n"),
            "asn.csv",
            DataKind.ASN,
            LocalDate.parse("2026-11-01"));
    return IpAttribution.builder(Clock.fixed(NOW, ZoneOffset.UTC)).mode(mode).source(asn).build();
  }

  private static IpSignal signal(IpAttribution a, String ip, String at, OptionalInt port) {
    IpCaptureEvent e =
        new IpCaptureEvent(
            ip,
            Optional.empty(),
            Optional.empty(),
            Optional.of(ReportedTime.parse(at)),
            TriState.UNKNOWN,
            port);
    return AgencyTriage.signal(ip, a.assess(e, EventContext.of(Optional.empty())));
  }

  @Test
  void attributionStatusesAndDeadlinesMapToTheTriagesTerms() throws Exception {
    IpAttribution synthetic = attribution(AttributionMode.SYNTHETIC_DATA);

    IpSignal live = signal(synthetic, "192.0.2.10", "2026-11-01T00:00:00Z", OptionalInt.empty());
    assertThat(live.status()).isEqualTo(AttributionStatus.ATTRIBUTABLE);
    assertThat(live.deadline()).contains(Instant.parse("2027-04-30T00:00:00Z")); // +180 days

    IpSignal noPort =
        signal(synthetic, "198.51.100.7", "2026-11-01T00:00:00Z", OptionalInt.empty());
    assertThat(noPort.status()).isEqualTo(AttributionStatus.NEEDS_PORT);
    assertThat(noPort.deadline()).contains(Instant.parse("2027-01-30T00:00:00Z")); // +90 days

    IpSignal expired = signal(synthetic, "192.0.2.10", "2025-01-01T00:00:00Z", OptionalInt.of(7));
    assertThat(expired.status()).isEqualTo(AttributionStatus.ATTRIBUTABLE);
    assertThat(expired.deadline()).isEmpty();

    IpSignal zoneless = signal(synthetic, "192.0.2.10", "2026-11-01T00:00:00", OptionalInt.of(7));
    assertThat(zoneless.status()).isEqualTo(AttributionStatus.NEEDS_TIME);

    IpSignal rejected =
        signal(
            attribution(AttributionMode.PRODUCTION),
            "192.0.2.10",
            "2026-11-01T00:00:00Z",
            OptionalInt.of(7));
    assertThat(rejected.status()).isEqualTo(AttributionStatus.ANONYMISED);
    assertThat(rejected.deadline()).isEmpty();
  }

  @Test
  void loadsEveryTipOfTheAgencyOnlyAndKeepsSignalsAlignedWithTheTips() throws Exception {
    try (CliH2 db = new CliH2(NOW)) {
      db.ingest(LOCAL, SyntheticDataSet.documents(5, 12));
      db.ingest(new AgencyId("ICAC-OTHER"), SyntheticDataSet.documents(6, 3));

      List<Tip> tips = AgencyTriage.loadTips(db.backend.tips(), LOCAL);
      assertThat(tips).hasSize(12).allMatch(t -> t.agency().equals(LOCAL));
      List<Long> ids = new ArrayList<>(tips.stream().map(t -> t.id().value()).toList());
      assertThat(ids).isSorted();

      AgencyTriage triage =
          AgencyTriage.load(
              db.backend.tips(), LOCAL, Optional.of(attribution(AttributionMode.SYNTHETIC_DATA)));
      assertThat(triage.inputs()).hasSize(12);
      for (var in : triage.inputs()) {
        assertThat(in.signals().ips())
            .extracting(IpSignal::ipAddress)
            .containsExactlyElementsOf(
                TipSignals.unchecked(in.tip()).ips().stream().map(IpSignal::ipAddress).toList());
      }
      assertThat(triage.queue(TriageRules.defaults())).hasSize(12);

      AgencyTriage unchecked = AgencyTriage.load(db.backend.tips(), LOCAL, Optional.empty());
      assertThat(unchecked.inputs())
          .allSatisfy(
              in ->
                  assertThat(in.signals().ips())
                      .allMatch(s -> s.status() == AttributionStatus.NOT_CHECKED));

      Tip foreign = AgencyTriage.loadTips(db.backend.tips(), new AgencyId("ICAC-OTHER")).get(0);
      assertThatThrownBy(() -> AgencyTriage.of(LOCAL, List.of(foreign), Optional.empty()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ICAC-OTHER");
    }
  }
}
