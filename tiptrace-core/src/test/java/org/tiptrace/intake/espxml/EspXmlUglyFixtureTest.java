package org.tiptrace.intake.espxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;
import org.tiptrace.intake.Severity;
import org.tiptrace.tip.FileAnnotation;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.IncidentType;
import org.tiptrace.tip.InternetDetail;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportAnnotation;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.TriState;
import org.tiptrace.tip.UnknownElement;

/** Real-shaped but untidy documents, read in TOLERANT mode (received tips). */
class EspXmlUglyFixtureTest {

  @Test
  void fixtureReallyHasBomAndCrlf() {
    byte[] b = EspXmlFixtures.bytes(EspXmlFixtures.UGLY);
    assertThat(b).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    assertThat(EspXmlFixtures.text(EspXmlFixtures.UGLY)).contains("\r\n");
  }

  @Test
  void uglyReportReadsTolerantlyWithWarningsForWhatItKept() {
    ParseResult result = EspXmlFixtures.fixture(EspXmlFixtures.UGLY, ParseMode.TOLERANT);

    assertThat(result).isInstanceOf(ParseResult.ReportParsed.class);
    assertThat(result.problems()).allMatch(p -> p.severity() == Severity.WARNING);
    assertThat(result.problems())
        .extracting(Problem::path, Problem::line)
        .containsExactlyInAnyOrder(
            tuple("/report/personOrUserReported/ipCaptureEvent/dateTime", OptionalInt.of(19)),
            tuple("/report/personOrUserReported/loginCount", OptionalInt.of(35)),
            tuple("/report/internetDetails/chatImIncident/moderatorNote", OptionalInt.of(42)),
            tuple("/report/espInternalScore", OptionalInt.of(64)));

    Report r = ((ParseResult.ReportParsed) result).report();
    assertThat(r.unknownElements())
        .containsExactly(
            new UnknownElement("/report/personOrUserReported/loginCount", "17"),
            new UnknownElement(
                "/report/internetDetails/chatImIncident/moderatorNote", "escalated by trust team"),
            new UnknownElement("/report/espInternalScore", "0.93"),
            new UnknownElement("/report/espInternalScore/@confidence", "high"));
    assertThat(r.additionalInfo())
        .containsExactly("Second-hand export; field order as the ESP's tool wrote it.");

    // shuffled incidentSummary, drift flag "informational", flag written as <x>true</x>
    assertThat(r.incidentSummary().incidentType()).contains(IncidentType.ONLINE_ENTICEMENT);
    assertThat(r.incidentSummary().annotations())
        .containsExactly(ReportAnnotation.SEXTORTION, ReportAnnotation.INFORMATIONAL);
    ReportedTime incident = r.incidentSummary().incidentDateTime().orElseThrow();
    assertThat(incident.offset()).contains(ZoneOffset.ofHours(2));
    assertThat(incident.instant().orElseThrow().toString()).isEqualTo("2025-06-01T08:20:00Z");

    ReportedUser u = r.reportedUsers().get(0);
    assertThat(u.compromisedAccount()).isEqualTo(TriState.FALSE);
    assertThat(u.espIdentifier()).contains("u-5501");
    assertThat(u.person().orElseThrow().ageAssertionDiscrepancy()).isEqualTo(TriState.TRUE);
    assertThat(u.person().orElseThrow().age()).isEqualTo(OptionalInt.of(34));
    assertThat(u.person().orElseThrow().emails().get(0).verified()).isEqualTo(TriState.TRUE);
    assertThat(u.ipCaptureEvents())
        .extracting(
            IpCaptureEvent::ipAddress,
            IpCaptureEvent::rawIpAddress,
            IpCaptureEvent::possibleProxy,
            IpCaptureEvent::port)
        .containsExactly(
            tuple(
                "2001:db8::1a",
                Optional.of("2001:DB8:0:0:0:0:0:1A"),
                TriState.TRUE,
                OptionalInt.of(443)),
            tuple(
                "198.51.100.9",
                Optional.of("::ffff:198.51.100.9"),
                TriState.FALSE,
                OptionalInt.empty()));
    ReportedTime zoneless = u.ipCaptureEvents().get(0).dateTime().orElseThrow();
    assertThat(zoneless.zoneKnown()).isFalse();
    assertThat(zoneless.instant()).isEmpty();

    assertThat(r.internetDetails())
        .containsExactly(
            new InternetDetail.ChatIm(
                Optional.of("Example Chat"),
                Optional.empty(),
                Optional.of("Group chat export available."),
                Optional.empty()));
    assertThat(r.lawEnforcement().orElseThrow().reportedToLe()).isEqualTo(TriState.TRUE);
    assertThat(r.lawEnforcement().orElseThrow().agencyName()).isEqualTo("Example Metro Police");
    assertThat(r.victims().get(0).schoolName()).contains("Example Middle School");
    assertThat(r.victims().get(0).person().orElseThrow().age()).isEqualTo(OptionalInt.of(14));
    assertThat(r.reporter().orElseThrow().legalUrl()).contains("https://chat.example.net/legal");
  }

  @Test
  void uglyReportIsRejectedInStrictMode() {
    ParseResult result = EspXmlFixtures.fixture(EspXmlFixtures.UGLY, ParseMode.STRICT);

    assertThat(result).isInstanceOf(ParseResult.Rejected.class);
    List<String> reasons =
        result.problems().stream().filter(Problem::isError).map(Problem::reason).toList();
    assertThat(reasons)
        .anyMatch(s -> s.contains("out of order"))
        .anyMatch(s -> s.contains("unknown element <loginCount>"))
        .anyMatch(s -> s.contains("has no zone"));
  }

  @Test
  void uglyFileDetailsReadsTolerantly() {
    ParseResult result = EspXmlFixtures.fixture(EspXmlFixtures.UGLY_FILE, ParseMode.TOLERANT);

    assertThat(result).isInstanceOf(ParseResult.FileDetailsParsed.class);
    ParseResult.FileDetailsParsed fd = (ParseResult.FileDetailsParsed) result;
    assertThat(fd.reportId()).isEqualTo("4815163");
    assertThat(fd.file().annotations()).containsExactly(FileAnnotation.POTENTIAL_MEME);
    assertThat(fd.file().exifViewedByEsp()).isEqualTo(TriState.TRUE);
    assertThat(fd.file().fileViewedByEsp()).isEqualTo(TriState.UNKNOWN);
    assertThat(fd.file().publiclyAvailable()).isEqualTo(TriState.UNKNOWN);
    assertThat(fd.file().fileName()).contains("clip.mp4");
    assertThat(fd.file().hashes())
        .containsExactly(
            new FileHash(
                HashAlgorithm.SHA256,
                "sha-256",
                "50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c",
                HashOrigin.ESP_ORIGINAL),
            new FileHash(HashAlgorithm.PDQ, "pdq", "a5".repeat(32), HashOrigin.ESP_DETAILS));
    assertThat(fd.file().uploadedToEspTimestamp().flatMap(ReportedTime::instant).orElseThrow())
        .hasToString("2025-06-01T12:14:59.250Z");
    // the file model has no place for unknown content: it is named in warnings, never dropped
    // silently
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Severity.WARNING);
              assertThat(p.path()).isEqualTo("/fileDetails/reviewQueue");
              assertThat(p.line()).isEqualTo(OptionalInt.of(15));
              assertThat(p.reason()).contains("not stored").contains("'q7'");
            });
  }
}
