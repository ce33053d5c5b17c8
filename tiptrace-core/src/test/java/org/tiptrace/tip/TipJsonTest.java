package org.tiptrace.tip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TipJsonTest {

  @Test
  void reportRoundTripsThroughCanonicalJson() {
    IpCaptureEvent ip =
        new IpCaptureEvent(
            "198.51.100.23",
            Optional.empty(),
            Optional.of(IpCaptureType.UPLOAD),
            Optional.of(ReportedTime.parse("2025-03-14T21:07:31")),
            TriState.UNKNOWN,
            OptionalInt.of(61022));
    ReportedFile file =
        new ReportedFile(
            Optional.of("9c1d"),
            Optional.of("a.jpg"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            TriState.TRUE,
            TriState.FALSE,
            TriState.UNKNOWN,
            Optional.of(FileRelevance.REPORTED),
            Set.of(FileAnnotation.GENERATIVE_AI, FileAnnotation.INFANT),
            Optional.of(IndustryClassification.A1),
            List.of(
                new FileHash(
                    HashAlgorithm.MD5,
                    "MD5",
                    "1A79A4D60DE6718E8E5B326E338AE533",
                    HashOrigin.ESP_ORIGINAL)),
            List.of(ip),
            List.of(),
            List.of(
                new FileMetadata(
                    Optional.of(MetadataType.EXIF), List.of(new NameValue("Make", "ExampleCam")))),
            List.of("note"),
            List.of());
    Report report =
        new Report(
            SourceFormat.ESP_XML_REPORT,
            Optional.empty(),
            Optional.empty(),
            Optional.of(BatchedReportReason.VIRAL_POTENTIAL_MEME),
            new IncidentSummary(
                Optional.of(IncidentType.CHILD_PORNOGRAPHY),
                Optional.of("Example Photos"),
                Optional.empty(),
                Set.of(ReportAnnotation.SEXTORTION),
                Optional.of(ReportedTime.parse("2025-03-14T21:07:31Z")),
                Optional.empty()),
            List.of(
                new InternetDetail.WebPage(
                    TriState.FALSE, List.of("https://photos.example.com/x"), Optional.empty()),
                new InternetDetail.CellPhone(
                    Optional.of(Phone.of("2025550100")),
                    OptionalDouble.of(38.9),
                    OptionalDouble.empty(),
                    Optional.empty())),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(file),
            List.of("synthetic"),
            List.of(new UnknownElement("/report/x", "y")));

    String json = TipJson.write(report);
    assertThat(json).contains("\"kind\":\"webPageIncident\"").contains("\"zoneKnown\":false");
    assertThat(json).contains("\"instant\":\"2025-03-14T21:07:31Z\"");
    assertThat(json).contains("\"publiclyAvailable\":\"UNKNOWN\"");
    assertThat(TipJson.readReport(json)).isEqualTo(report);
  }

  @Test
  void identifiersAreWrittenAsPlainValuesAndReadBack() {
    Tip tip =
        new Tip(
            new TipId(25),
            new AgencyId("ICAC-A"),
            Sha256.of(new byte[] {1}),
            java.time.Instant.parse("2026-01-01T00:00:00Z"),
            TipJson.readReport(TipJson.write(minimalReport())));
    String json = TipJson.write(tip);
    assertThat(json).contains("\"id\":25").contains("\"agency\":\"ICAC-A\"");
    assertThat(json).contains("\"source\":\"" + tip.source().hex() + "\"");
    try {
      assertThat(TipJson.mapper().readValue(json, Tip.class)).isEqualTo(tip);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static Report minimalReport() {
    return new Report(
        SourceFormat.LE_JSON,
        Optional.of("1"),
        Optional.empty(),
        Optional.empty(),
        new IncidentSummary(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            Optional.empty(),
            Optional.empty()),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
