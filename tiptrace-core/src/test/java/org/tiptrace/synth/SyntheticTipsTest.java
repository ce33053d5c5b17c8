package org.tiptrace.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tiptrace.ip.IpAddresses;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.TipJson;

class SyntheticTipsTest {
  private static final Instant UNTIL = Instant.parse("2026-06-01T00:00:00Z");

  @Test
  void sameSeedGivesSameReports() {
    SyntheticTips a = new SyntheticTips(7, UNTIL);
    SyntheticTips b = new SyntheticTips(7, UNTIL);
    for (int i = 0; i < 50; i++) {
      assertThat(TipJson.write(a.next(SourceFormat.LE_JSON)))
          .isEqualTo(TipJson.write(b.next(SourceFormat.LE_JSON)));
    }
  }

  @Test
  void usesOnlyDocumentationAddressesAndExampleDomains() {
    SyntheticTips gen = new SyntheticTips(11, UNTIL);
    List<Report> reports = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      reports.add(gen.next(i % 2 == 0 ? SourceFormat.LE_JSON : SourceFormat.ESP_XML_REPORT));
    }
    for (Report r : reports) {
      for (ReportedUser u : r.allUsers()) {
        for (IpCaptureEvent e : u.ipCaptureEvents()) {
          assertThat(IpAddresses.canonical(e.ipAddress())).contains(e.ipAddress());
          assertThat(e.ipAddress())
              .matches("(192\\.0\\.2\\.|198\\.51\\.100\\.|203\\.0\\.113\\.|2001:db8:).*");
        }
        u.person()
            .ifPresent(
                p ->
                    p.emails()
                        .forEach(
                            m -> assertThat(m.address()).matches(".*@example\\.(com|net|org)")));
        u.person()
            .ifPresent(
                p ->
                    p.phones()
                        .forEach(
                            // 555-0100..0199: the NANPA block reserved for fiction.
                            ph -> assertThat(ph.number()).matches("\\+1[2-9]\\d\\d55501\\d\\d")));
      }
      assertThat(r.incidentSummary().incidentDateTime().orElseThrow().requireInstant())
          .isBefore(UNTIL);
    }
  }

  @Test
  void offendersRecurAcrossReportsSoLinkingHasSomethingToFind() {
    SyntheticTips gen = new SyntheticTips(3, UNTIL);
    List<String> phones = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      gen.next(SourceFormat.LE_JSON)
          .reportedUsers()
          .forEach(
              u -> u.person().ifPresent(p -> p.phones().forEach(ph -> phones.add(ph.number()))));
    }
    assertThat(phones.stream().distinct().count()).isLessThan(phones.size());
  }
}
