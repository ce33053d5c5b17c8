package org.tiptrace.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tiptrace.intake.hotline.InMemoryRawArchive;
import org.tiptrace.intake.hotline.InMemoryTipRepository;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;

/** The intake stage end to end with the real readers and in-memory ports. */
class IntakeTest {
  private static final AgencyId A = new AgencyId("ICAC-A");
  private static final AgencyId B = new AgencyId("ICAC-B");
  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

  private final InMemoryRawArchive archive = new InMemoryRawArchive();
  private final InMemoryTipRepository tips = new InMemoryTipRepository();
  private final Intake intake =
      new Intake(archive, tips, DocumentReaders.standard(), IntakeLimits.DEFAULT);

  @Test
  void acceptsOnceThenAnswersDuplicateAndKeepsTheWarnings() throws IOException {
    RawDocument ugly = doc("lejson/ugly.json");
    IntakeResult first = intake.ingest(A, ugly, ParseMode.TOLERANT);
    assertThat(first.outcome()).isEqualTo(IntakeOutcome.ACCEPTED);
    assertThat(first.problems()).isNotEmpty().allMatch(p -> p.severity() == Severity.WARNING);

    IntakeResult again = intake.ingest(A, ugly, ParseMode.TOLERANT);
    assertThat(again.outcome()).isEqualTo(IntakeOutcome.DUPLICATE);
    assertThat(again.tipId()).isEqualTo(first.tipId());
    assertThat(tips.count(A)).isEqualTo(1);
    ArchivedDocument archived = archive.find(A, first.sha256()).orElseThrow();
    assertThat(archived.status()).isEqualTo(ArchiveStatus.ACCEPTED);
    assertThat(archived.problems())
        .as("warnings survive a duplicate ingest")
        .isEqualTo(first.problems());
  }

  @Test
  void anotherAgencyGetsItsOwnTipFromTheSameBytes() throws IOException {
    RawDocument doc = doc("lejson/reference-example.json");
    IntakeResult a = intake.ingest(A, doc, ParseMode.TOLERANT);
    IntakeResult b = intake.ingest(B, doc, ParseMode.TOLERANT);
    assertThat(a.outcome()).isEqualTo(IntakeOutcome.ACCEPTED);
    assertThat(b.outcome()).isEqualTo(IntakeOutcome.ACCEPTED);
    assertThat(b.tipId()).isNotEqualTo(a.tipId());
    assertThat(tips.find(B, a.tipId().orElseThrow())).isEmpty();
  }

  @Test
  void rejectedDocumentsAreArchivedByteForByteAndQuarantinedWithTheirProblems() {
    byte[] bytes =
        "{\"reportId\": 1, \"reportedInformation\": {\"incidentSummary\": ["
            .getBytes(StandardCharsets.UTF_8);
    IntakeResult result =
        intake.ingest(A, new RawDocument("broken.json", bytes, T), ParseMode.TOLERANT);
    assertThat(result.outcome()).isEqualTo(IntakeOutcome.REJECTED);
    assertThat(result.tipId()).isEmpty();
    assertThat(result.problems()).anyMatch(p -> p.isError() && p.source().equals("broken.json"));
    ArchivedDocument archived = archive.find(A, result.sha256()).orElseThrow();
    assertThat(archived.status()).isEqualTo(ArchiveStatus.QUARANTINED);
    assertThat(archived.problems()).isEqualTo(result.problems());
    assertThat(archive.bytes(A, result.sha256()))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
  }

  @Test
  void oversizedDocumentsAreArchivedAndRejectedWithTheLimit() {
    IntakeLimits small = new IntakeLimits(2048, 64, 1024);
    Intake strictIntake = new Intake(archive, tips, DocumentReaders.standard(), small);
    byte[] bytes = ("{\"pad\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
    IntakeResult result =
        strictIntake.ingest(A, new RawDocument("big.json", bytes, T), ParseMode.TOLERANT);
    assertThat(result.outcome()).isEqualTo(IntakeOutcome.REJECTED);
    assertThat(result.problems().get(0).message())
        .contains("big.json")
        .contains("limit is 2048 bytes");
    assertThat(archive.bytes(A, result.sha256())).isPresent();
  }

  @Test
  void fileDetailsAttachToTheTipWithTheirReportIdOnce() throws IOException {
    IntakeResult report =
        intake.ingest(
            A, doc("espxml/reference-report.xml"), ParseMode.STRICT, Optional.of("4815162"));
    assertThat(report.outcome()).isEqualTo(IntakeOutcome.ACCEPTED);
    Tip tip = tips.find(A, report.tipId().orElseThrow()).orElseThrow();
    assertThat(tip.report().cybertipReportId()).contains("4815162");
    assertThat(tip.report().files()).isEmpty();

    RawDocument details = doc("espxml/reference-fileDetails.xml");
    IntakeResult attached = intake.ingest(A, details, ParseMode.STRICT);
    assertThat(attached.outcome()).isEqualTo(IntakeOutcome.ATTACHED);
    assertThat(attached.tipId()).isEqualTo(report.tipId());
    assertThat(intake.ingest(A, details, ParseMode.STRICT).outcome())
        .isEqualTo(IntakeOutcome.DUPLICATE);
    assertThat(tips.find(A, tip.id()).orElseThrow().report().files()).hasSize(1);
  }

  @Test
  void fileDetailsForAnUnknownReportAreRejectedNamingTheReportId() throws IOException {
    IntakeResult result =
        intake.ingest(B, doc("espxml/reference-fileDetails.xml"), ParseMode.STRICT);
    assertThat(result.outcome()).isEqualTo(IntakeOutcome.REJECTED);
    assertThat(result.problems())
        .anyMatch(p -> p.path().equals("/fileDetails/reportId") && p.reason().contains("4815162"));
  }

  @Test
  void aDocumentLeftReceivedByACrashIsFinishedWithoutASecondTip() throws IOException {
    RawDocument doc = doc("lejson/reference-example.json");
    Sha256 sha = Sha256.of(doc.bytes());
    // The crash: archived and stored, but the outcome was never recorded.
    archive.store(A, sha, doc.name(), doc.bytes(), T);
    IntakeResult first = intake.ingest(A, doc, ParseMode.TOLERANT);
    archive.recordOutcome(A, sha, ArchiveStatus.RECEIVED, List.of());

    IntakeResult resumed = intake.ingest(A, doc, ParseMode.TOLERANT);
    assertThat(resumed.outcome()).isEqualTo(IntakeOutcome.DUPLICATE);
    assertThat(resumed.tipId()).isEqualTo(first.tipId());
    assertThat(tips.count(A)).isEqualTo(1);
    assertThat(archive.find(A, sha).orElseThrow().status()).isEqualTo(ArchiveStatus.ACCEPTED);
  }

  private static RawDocument doc(String resource) throws IOException {
    try (InputStream in = IntakeTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new RawDocument(resource, in.readAllBytes(), T);
    }
  }
}
