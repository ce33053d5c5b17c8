package org.tiptrace.intake.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tiptrace.intake.ArchiveStatus;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.hotline.HotlineResponse.ReportDoneResponse;
import org.tiptrace.intake.hotline.HotlineResponse.ReportResponse;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipRepository;
import org.tiptrace.tip.TriState;

/**
 * The hotline service's behaviour, run against any {@link HotlineRepository}: in memory here, on H2
 * and PostgreSQL in {@code tiptrace-store}. Everything else (archive, tips, reader, clock) is an
 * in-memory double.
 */
public abstract class HotlineServiceContract {
  protected static final Instant T0 = Instant.parse("2026-03-14T21:00:00Z");
  protected static final AgencyId AGENCY = new AgencyId("ICAC-A");
  protected static final Platform ESP = new Platform("esp-one", AGENCY);

  /** Same agency, different platform. */
  protected static final Platform OTHER = new Platform("esp-two", AGENCY);

  /** Different agency. */
  protected static final Platform FOREIGN = new Platform("esp-three", new AgencyId("ICAC-B"));

  protected MutableClock clock;
  protected InMemoryRawArchive archive;
  protected InMemoryTipRepository tips;
  protected FlakyTips flakyTips;
  protected FakeEspReader reader;
  protected HotlineRepository repo;
  protected HotlineService service;

  /** A fresh, empty repository for each test. */
  protected abstract HotlineRepository newRepository();

  @BeforeEach
  void setUpService() {
    clock = new MutableClock(T0);
    archive = new InMemoryRawArchive();
    tips = new InMemoryTipRepository();
    flakyTips = new FlakyTips(tips);
    reader = new FakeEspReader();
    repo = newRepository();
    service = build(HotlineConfig.DEFAULT);
  }

  protected HotlineService build(HotlineConfig config) {
    Intake intake =
        new Intake(archive, flakyTips, new DocumentReaders(reader, reader), IntakeLimits.DEFAULT);
    return new HotlineService(repo, archive, flakyTips, intake, reader, config, clock);
  }

  // ------------------------------------------------------------------ fixtures

  private static int reportCounter;

  /** A distinct (by one text value), well-formed report document. */
  protected static byte[] reportXml() {
    int n = ++reportCounter;
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<report xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:noNamespaceSchemaLocation=\"https://report.cybertip.org/ispws/xsd\">\n"
            + "  <incidentSummary>\n"
            + "    <incidentType>Child Pornography (possession, manufacture, and distribution)"
            + "</incidentType>\n"
            + "    <incidentDateTime>2025-03-14T21:07:31Z</incidentDateTime>\n"
            + "  </incidentSummary>\n"
            + "  <reporter><reportingPerson><email>trust-"
            + n
            + "@example.com</email></reportingPerson></reporter>\n"
            + "</report>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  protected static byte[] fileDetails(long reportId, String fileId, String fileName) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<fileDetails>\n"
            + "  <reportId>"
            + reportId
            + "</reportId>\n  <fileId>"
            + fileId
            + "</fileId>\n  <fileName>"
            + fileName
            + "</fileName>\n  <fileViewedByEsp>true</fileViewedByEsp>\n"
            + "  <originalFileHash hashType=\"MD5\">1a79a4d60de6718e8e5b326e338ae533"
            + "</originalFileHash>\n</fileDetails>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  protected static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  protected long open(Platform p) {
    ReportResponse r = service.submit(p, reportXml());
    assertThat(r.code()).isEqualTo(ResponseCode.SUCCESS);
    return r.reportId().orElseThrow();
  }

  protected String upload(Platform p, long reportId, String content) {
    ReportResponse r = service.upload(p, Long.toString(reportId), "a.jpg", bytes(content));
    assertThat(r.code()).as(r.description()).isEqualTo(ResponseCode.SUCCESS);
    return r.fileId().orElseThrow();
  }

  protected static String hex(String algorithm, byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(b));
  }

  protected HotlineReport stored(long id) {
    return repo.find(ESP, id).orElseThrow();
  }

  protected Tip tipOf(long reportId) {
    return tips.findByCybertipReportId(AGENCY, Long.toString(reportId)).orElseThrow();
  }

  // ------------------------------------------------------------------ happy path

  @Test
  public void statusAnswersSuccess() {
    assertThat(HotlineXml.toXml(service.status(ESP)))
        .isEqualTo(
            "<reportResponse><responseCode>0</responseCode><responseDescription/>"
                + "</reportResponse>");
  }

  @Test
  public void fullHappyPathFilesOneTipWithAllFiles() throws Exception {
    byte[] xml = reportXml();
    ReportResponse submitted = service.submit(ESP, xml);
    assertThat(submitted.code()).isEqualTo(ResponseCode.SUCCESS);
    long id = submitted.reportId().orElseThrow();
    assertThat(id).isPositive();
    assertThat(HotlineXml.toXml(submitted))
        .isEqualTo(
            "<reportResponse><responseCode>0</responseCode><responseDescription/><reportId>"
                + id
                + "</reportId></reportResponse>");

    byte[] image = bytes("example");
    ReportResponse up1 = service.upload(ESP, Long.toString(id), "dir/upload_0007.jpg", image);
    assertThat(up1.code()).isEqualTo(ResponseCode.SUCCESS);
    assertThat(up1.reportId()).contains(id);
    assertThat(up1.hash()).contains("1a79a4d60de6718e8e5b326e338ae533");
    String f1 = up1.fileId().orElseThrow();
    assertThat(f1).matches("[0-9a-f]{32}");
    String f2 = upload(ESP, id, "second file");
    assertThat(f2).isNotEqualTo(f1);

    ReportResponse info = service.fileInfo(ESP, fileDetails(id, f1, "upload_5531_0007.jpg"));
    assertThat(info.code()).as(info.description()).isEqualTo(ResponseCode.SUCCESS);
    assertThat(info.reportId()).contains(id);

    HotlineResponse done = service.finish(ESP, Long.toString(id));
    assertThat(done).isEqualTo(new ReportDoneResponse(id, List.of(f1, f2)));
    assertThat(HotlineXml.toXml(done))
        .isEqualTo(
            "<reportDoneResponse><responseCode>0</responseCode><reportId>"
                + id
                + "</reportId><files><fileId>"
                + f1
                + "</fileId><fileId>"
                + f2
                + "</fileId></files></reportDoneResponse>");

    HotlineReport report = stored(id);
    assertThat(report.state()).isEqualTo(ReportState.FINISHED);
    Tip tip = tipOf(id);
    assertThat(report.tipId()).contains(tip.id());
    assertThat(tip.source()).isEqualTo(Sha256.of(xml));
    assertThat(tip.report().cybertipReportId()).contains(Long.toString(id));
    assertThat(tip.report().files()).hasSize(2);

    ReportedFile withInfo = tip.report().files().get(0);
    assertThat(withInfo.fileId()).contains(f1);
    assertThat(withInfo.fileName()).contains("upload_5531_0007.jpg");
    assertThat(withInfo.fileViewedByEsp()).isEqualTo(TriState.TRUE);
    assertThat(withInfo.hashes())
        .extracting(FileHash::origin, FileHash::label, FileHash::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                HashOrigin.ESP_ORIGINAL, "MD5", "1a79a4d60de6718e8e5b326e338ae533"),
            org.assertj.core.groups.Tuple.tuple(
                HashOrigin.TIPTRACE, "MD5", "1a79a4d60de6718e8e5b326e338ae533"),
            org.assertj.core.groups.Tuple.tuple(
                HashOrigin.TIPTRACE, "SHA1", "c3499c2729730a7f807efb8676a92dcb6f8a3f8f"),
            org.assertj.core.groups.Tuple.tuple(
                HashOrigin.TIPTRACE,
                "SHA256",
                "50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c"));

    ReportedFile minimal = tip.report().files().get(1);
    assertThat(minimal.fileId()).contains(f2);
    assertThat(minimal.fileName()).contains("a.jpg");
    assertThat(minimal.fileViewedByEsp()).isEqualTo(TriState.UNKNOWN);
    assertThat(minimal.hashes())
        .extracting(FileHash::origin)
        .containsOnly(HashOrigin.TIPTRACE)
        .hasSize(3);

    // The evidence: uploaded bytes archived byte for byte, accepted with the tip.
    assertThat(archive.bytes(AGENCY, Sha256.of(image)))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(image));
    assertThat(archive.find(AGENCY, Sha256.of(image)).orElseThrow().status())
        .isEqualTo(ArchiveStatus.ACCEPTED);
    assertThat(archive.find(AGENCY, Sha256.of(xml)).orElseThrow().status())
        .isEqualTo(ArchiveStatus.ACCEPTED);
  }

  @Test
  public void theFiledTipListenerRunsBeforeFinishedAndAFailedStepIsRunAgainOnResume() {
    List<TipId> seen = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean fail =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    Intake intake =
        new Intake(archive, flakyTips, new DocumentReaders(reader, reader), IntakeLimits.DEFAULT);
    HotlineService withSteps =
        new HotlineService(
            repo,
            archive,
            flakyTips,
            intake,
            reader,
            HotlineConfig.DEFAULT,
            clock,
            (agency, tip) -> {
              assertThat(agency).isEqualTo(AGENCY);
              seen.add(tip);
              if (fail.getAndSet(false)) {
                throw new IllegalStateException("step failed");
              }
            });
    long id = withSteps.submit(ESP, reportXml()).reportId().orElseThrow();

    assertThatThrownBy(() -> withSteps.finish(ESP, Long.toString(id)))
        .hasMessageContaining("step failed");
    assertThat(stored(id).state()).isEqualTo(ReportState.FINISHING);

    assertThat(withSteps.resumeFinishing(10)).isEqualTo(1);
    assertThat(stored(id).state()).isEqualTo(ReportState.FINISHED);
    assertThat(seen).hasSize(2).containsOnly(tipOf(id).id());
  }

  @Test
  public void uploadReturnsMd5OfTheBytesReceived() throws Exception {
    long id = open(ESP);
    byte[] content = new byte[70_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31 + 7);
    }
    ReportResponse r = service.upload(ESP, Long.toString(id), "blob.bin", content);
    assertThat(r.hash()).contains(hex("MD5", content));
    HotlineFile f = repo.files(stored(id)).get(0);
    assertThat(f.md5()).isEqualTo(hex("MD5", content));
    assertThat(f.sha1()).isEqualTo(hex("SHA-1", content));
    assertThat(f.sha256().hex()).isEqualTo(hex("SHA-256", content));
    assertThat(f.size()).isEqualTo(content.length);
    assertThat(f.fileName()).isEqualTo("blob.bin");
  }

  @Test
  public void finishWithoutFilesListsNone() {
    long id = open(ESP);
    HotlineResponse done = service.finish(ESP, Long.toString(id));
    assertThat(HotlineXml.toXml(done))
        .isEqualTo(
            "<reportDoneResponse><responseCode>0</responseCode><reportId>"
                + id
                + "</reportId><files/></reportDoneResponse>");
  }

  @Test
  public void aLaterFileinfoReplacesTheEarlierOne() {
    long id = open(ESP);
    String f = upload(ESP, id, "x");
    assertThat(service.fileInfo(ESP, fileDetails(id, f, "first.jpg")).code())
        .isEqualTo(ResponseCode.SUCCESS);
    assertThat(service.fileInfo(ESP, fileDetails(id, f, "second.jpg")).code())
        .isEqualTo(ResponseCode.SUCCESS);
    service.finish(ESP, Long.toString(id));
    assertThat(tipOf(id).report().files())
        .singleElement()
        .satisfies(file -> assertThat(file.fileName()).contains("second.jpg"));
  }

  @Test
  public void sameBytesInTwoReportsBecomeAFileOfEach() {
    long a = open(ESP);
    long b = open(ESP);
    upload(ESP, a, "same");
    upload(ESP, b, "same");
    assertThat(service.finish(ESP, Long.toString(a))).isInstanceOf(ReportDoneResponse.class);
    assertThat(service.finish(ESP, Long.toString(b))).isInstanceOf(ReportDoneResponse.class);
    assertThat(tipOf(a).report().files()).hasSize(1);
    assertThat(tipOf(b).report().files()).hasSize(1);
    assertThat(tipOf(a).id()).isNotEqualTo(tipOf(b).id());
  }

  @Test
  public void uploadStripsPathsAndControlCharactersFromTheFileName() {
    long id = open(ESP);
    service.upload(ESP, Long.toString(id), "C:\\Users\\x\\IMG\u0007_1.jpg", bytes("y"));
    assertThat(repo.files(stored(id)).get(0).fileName()).isEqualTo("IMG_1.jpg");
  }

  // ------------------------------------------------------------------ document errors

  @Test
  public void malformedReportIs4110AndOpensNothing() {
    ReportResponse r = service.submit(ESP, bytes("<report>\n  <incidentSummary>\n</report>"));
    assertThat(r.code()).isEqualTo(ResponseCode.MALFORMED_XML);
    assertThat(r.code().code()).isEqualTo(4110);
    assertThat(r.description()).startsWith("malformed XML: line 3");
    assertThat(r.reportId()).isEmpty();
    assertThat(repo.inState(ReportState.OPEN, 10)).isEmpty();
  }

  @Test
  public void emptyOrNonXmlBodyIs4110() {
    assertThat(service.submit(ESP, new byte[0]).code()).isEqualTo(ResponseCode.MALFORMED_XML);
    assertThat(service.submit(ESP, bytes("{\"report\":1}")).code())
        .isEqualTo(ResponseCode.MALFORMED_XML);
  }

  @Test
  public void entityExpansionIsRefusedAsMalformed() {
    String bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE report [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><report>&b;</report>";
    ReportResponse r = service.submit(ESP, bytes(bomb));
    assertThat(r.code()).isEqualTo(ResponseCode.MALFORMED_XML);
  }

  @Test
  public void invalidReportIs4100WithTheProblems() {
    ReportResponse r = service.submit(ESP, bytes("<report>\n  <invalid/>\n</report>"));
    assertThat(r.code().code()).isEqualTo(4100);
    assertThat(r.description())
        .isEqualTo(
            "validation failed: submit:2:3: /report/invalid: element not expected here;"
                + " submit:2:3: /report: reporter is missing");
    assertThat(repo.inState(ReportState.OPEN, 10)).isEmpty();
  }

  @Test
  public void fileDetailsSentToSubmitIs4100() {
    ReportResponse r = service.submit(ESP, fileDetails(1, "0".repeat(32), "a"));
    assertThat(r.code()).isEqualTo(ResponseCode.VALIDATION_FAILED);
    assertThat(r.description()).contains("/fileinfo");
  }

  @Test
  public void oversizedDocumentIs4000() {
    service = build(new HotlineConfig(new IntakeLimits(1024, 64, 4096), 1024, 10));
    byte[] big = bytes("<report>" + "x".repeat(2000) + "</report>");
    ReportResponse r = service.submit(ESP, big);
    assertThat(r.code()).isEqualTo(ResponseCode.INVALID_REQUEST);
    assertThat(r.description()).contains("intake.max-document-bytes");
  }

  @Test
  public void fileinfoErrors() {
    long id = open(ESP);
    String f = upload(ESP, id, "x");
    assertThat(service.fileInfo(ESP, bytes("<fileDetails><reportId>")).code())
        .isEqualTo(ResponseCode.MALFORMED_XML);
    assertThat(service.fileInfo(ESP, bytes("<fileDetails><invalid/></fileDetails>")).code())
        .isEqualTo(ResponseCode.VALIDATION_FAILED);
    assertThat(service.fileInfo(ESP, reportXml()).code()).isEqualTo(ResponseCode.VALIDATION_FAILED);
    assertThat(service.fileInfo(ESP, fileDetails(id + 100_000, f, "a")).code())
        .isEqualTo(ResponseCode.REPORT_NOT_FOUND);
    assertThat(service.fileInfo(ESP, fileDetails(id, "ab".repeat(16), "a")).code())
        .isEqualTo(ResponseCode.FILE_NOT_FOUND);
    long other = open(ESP);
    String otherFile = upload(ESP, other, "y");
    assertThat(service.fileInfo(ESP, fileDetails(id, otherFile, "a")).code())
        .as("a file of another report")
        .isEqualTo(ResponseCode.FILE_NOT_FOUND);
    assertThat(
            service
                .fileInfo(ESP, fileDetails(id, f.toUpperCase(java.util.Locale.ROOT), "a"))
                .code())
        .as("fileId compared without case")
        .isEqualTo(ResponseCode.SUCCESS);
  }

  // ------------------------------------------------------------------ request errors

  @Test
  public void badReportIdsAre4000AndUnknownOnes5001() {
    for (String bad : List.of("", " ", "abc", "0", "-5", "12x", "99999999999999999999")) {
      assertThat(service.finish(ESP, bad).code())
          .as("finish '%s'", bad)
          .isEqualTo(ResponseCode.INVALID_REQUEST);
      assertThat(service.retract(ESP, bad).code()).isEqualTo(ResponseCode.INVALID_REQUEST);
      assertThat(service.upload(ESP, bad, "a", bytes("x")).code())
          .isEqualTo(ResponseCode.INVALID_REQUEST);
    }
    assertThat(service.finish(ESP, "987654321").code()).isEqualTo(ResponseCode.REPORT_NOT_FOUND);
    assertThat(service.retract(ESP, "987654321").code()).isEqualTo(ResponseCode.REPORT_NOT_FOUND);
    assertThat(service.upload(ESP, "987654321", "a", bytes("x")).code())
        .isEqualTo(ResponseCode.REPORT_NOT_FOUND);
    assertThat(archive.size()).as("nothing archived for an unknown report").isZero();
  }

  @Test
  public void emptyOrOversizedUploadIs4200() {
    service = build(new HotlineConfig(IntakeLimits.DEFAULT, 10, 2));
    long id = open(ESP);
    assertThat(service.upload(ESP, Long.toString(id), "a", new byte[0]).code().code())
        .isEqualTo(4200);
    ReportResponse big = service.upload(ESP, Long.toString(id), "a", new byte[11]);
    assertThat(big.code().code()).isEqualTo(4200);
    assertThat(big.description()).contains("hotline.max-upload-bytes");
    assertThat(service.upload(ESP, Long.toString(id), "a", new byte[10]).code())
        .isEqualTo(ResponseCode.SUCCESS);
  }

  @Test
  public void tooManyFilesIs4000() {
    service = build(new HotlineConfig(IntakeLimits.DEFAULT, 100, 2));
    long id = open(ESP);
    upload(ESP, id, "1");
    upload(ESP, id, "2");
    ReportResponse r = service.upload(ESP, Long.toString(id), "a", bytes("3"));
    assertThat(r.code()).isEqualTo(ResponseCode.INVALID_REQUEST);
    assertThat(r.description()).contains("hotline.max-files-per-report");
  }

  // ------------------------------------------------------------------ state machine

  @Test
  public void finishTwiceIs5102() {
    long id = open(ESP);
    service.finish(ESP, Long.toString(id));
    int created = tips.creations();
    ReportResponse again = (ReportResponse) service.finish(ESP, Long.toString(id));
    assertThat(again.code().code()).isEqualTo(5102);
    assertThat(tips.creations()).isEqualTo(created);
  }

  @Test
  public void retractThenRetractIs5101() {
    long id = open(ESP);
    ReportResponse r = service.retract(ESP, Long.toString(id));
    assertThat(HotlineXml.toXml(r))
        .isEqualTo(
            "<reportResponse><responseCode>0</responseCode><responseDescription/><reportId>"
                + id
                + "</reportId></reportResponse>");
    assertThat(stored(id).state()).isEqualTo(ReportState.RETRACTED);
    assertThat(service.retract(ESP, Long.toString(id)).code().code()).isEqualTo(5101);
  }

  @Test
  public void finishAfterRetractIs5101() {
    long id = open(ESP);
    service.retract(ESP, Long.toString(id));
    assertThat(service.finish(ESP, Long.toString(id)).code().code()).isEqualTo(5101);
    assertThat(tips.count(AGENCY)).isZero();
  }

  @Test
  public void retractAfterFinishIs5102() {
    long id = open(ESP);
    service.finish(ESP, Long.toString(id));
    assertThat(service.retract(ESP, Long.toString(id)).code().code()).isEqualTo(5102);
    assertThat(stored(id).state()).isEqualTo(ReportState.FINISHED);
  }

  @Test
  public void uploadAndFileinfoToClosedReports() {
    long finished = open(ESP);
    String f = upload(ESP, finished, "a");
    service.finish(ESP, Long.toString(finished));
    long retracted = open(ESP);
    String g = upload(ESP, retracted, "b");
    service.retract(ESP, Long.toString(retracted));

    assertThat(service.upload(ESP, Long.toString(finished), "x", bytes("c")).code().code())
        .isEqualTo(5102);
    assertThat(service.upload(ESP, Long.toString(retracted), "x", bytes("c")).code().code())
        .isEqualTo(5101);
    assertThat(service.fileInfo(ESP, fileDetails(finished, f, "a")).code().code()).isEqualTo(5102);
    assertThat(service.fileInfo(ESP, fileDetails(retracted, g, "a")).code().code()).isEqualTo(5101);
    assertThat(repo.files(stored(finished))).hasSize(1);
    assertThat(repo.files(stored(retracted))).hasSize(1);
  }

  // ------------------------------------------------------------------ expiry

  @Test
  public void anUntouchedReportLivesExactly24Hours() {
    long a = open(ESP);
    long b = open(ESP);
    clock.set(T0.plus(Duration.ofHours(24)).minusNanos(1));
    assertThat(service.retract(ESP, Long.toString(a)).code()).isEqualTo(ResponseCode.SUCCESS);
    clock.set(T0.plus(Duration.ofHours(24)));
    assertThat(service.retract(ESP, Long.toString(b)).code().code()).isEqualTo(5001);
    assertThat(stored(b).state()).isEqualTo(ReportState.EXPIRED);
  }

  @Test
  public void aLateChangeExtendsTheDeadlineToOneHourAfterIt() {
    long a = open(ESP);
    long b = open(ESP);
    clock.set(T0.plus(Duration.ofMinutes(23 * 60 + 30)));
    upload(ESP, a, "late");
    upload(ESP, b, "late");
    Instant deadline = T0.plus(Duration.ofMinutes(24 * 60 + 30));
    assertThat(stored(a).expiresAt()).isEqualTo(deadline);
    clock.set(deadline.minusNanos(1));
    assertThat(service.finish(ESP, Long.toString(a))).isInstanceOf(ReportDoneResponse.class);
    clock.set(deadline);
    assertThat(service.finish(ESP, Long.toString(b)).code().code()).isEqualTo(5001);
  }

  @Test
  public void anEarlyChangeDoesNotShortenTheDay() {
    long a = open(ESP);
    clock.set(T0.plus(Duration.ofMinutes(10)));
    upload(ESP, a, "early");
    clock.set(T0.plus(Duration.ofHours(2)));
    assertThat(service.upload(ESP, Long.toString(a), "x", bytes("2h")).code())
        .as("1 h after the last change is not the deadline while the 24 h run")
        .isEqualTo(ResponseCode.SUCCESS);
  }

  @Test
  public void everyOperationOnAnExpiredReportIs5001() {
    long id = open(ESP);
    String f = upload(ESP, id, "x");
    clock.set(T0.plus(Duration.ofDays(2)));
    assertThat(service.upload(ESP, Long.toString(id), "a", bytes("y")).code().code())
        .isEqualTo(5001);
    assertThat(service.fileInfo(ESP, fileDetails(id, f, "a")).code().code()).isEqualTo(5001);
    assertThat(service.finish(ESP, Long.toString(id)).code().code()).isEqualTo(5001);
    assertThat(service.retract(ESP, Long.toString(id)).code().code()).isEqualTo(5001);
    assertThat(tips.count(AGENCY)).isZero();
  }

  @Test
  public void expireDueMarksOnlyReportsPastTheirDeadline() {
    long old = open(ESP);
    clock.set(T0.plus(Duration.ofHours(12)));
    long young = open(ESP);
    clock.set(T0.plus(Duration.ofHours(24)));
    assertThat(service.expireDue(100)).isEqualTo(1);
    assertThat(stored(old).state()).isEqualTo(ReportState.EXPIRED);
    assertThat(stored(young).state()).isEqualTo(ReportState.OPEN);
    assertThat(service.expireDue(100)).isZero();
  }

  // ------------------------------------------------------------------ platform isolation

  @Test
  public void anotherPlatformCannotSeeOrTouchTheReport() {
    long id = open(ESP);
    String f = upload(ESP, id, "x");
    for (Platform intruder : List.of(OTHER, FOREIGN)) {
      String sid = Long.toString(id);
      assertThat(service.upload(intruder, sid, "a", bytes("z")).code().code()).isEqualTo(5001);
      assertThat(service.fileInfo(intruder, fileDetails(id, f, "a")).code().code()).isEqualTo(5001);
      assertThat(service.finish(intruder, sid).code().code()).isEqualTo(5001);
      assertThat(service.retract(intruder, sid).code().code()).isEqualTo(5001);
      // Exactly the answer for an id that never existed: nothing leaks.
      assertThat(service.retract(intruder, sid)).isEqualTo(service.retract(intruder, "987654321"));
    }
    assertThat(repo.find(OTHER, id)).isEmpty();
    assertThat(stored(id).state()).isEqualTo(ReportState.OPEN);
    assertThat(repo.files(stored(id))).hasSize(1);
    assertThat(service.finish(ESP, Long.toString(id))).isInstanceOf(ReportDoneResponse.class);
  }

  // ------------------------------------------------------------------ crash safety

  @Test
  public void aFinishRetriedAfterACrashCreatesNothingTwice() {
    long id = open(ESP);
    String f1 = upload(ESP, id, "one");
    String f2 = upload(ESP, id, "two");
    service.fileInfo(ESP, fileDetails(id, f1, "one.jpg"));
    flakyTips.failOnAttach(2); // the tip and the first file are stored, then the process dies
    assertThatThrownBy(() -> service.finish(ESP, Long.toString(id)))
        .isInstanceOf(SimulatedCrash.class);
    assertThat(stored(id).state()).isEqualTo(ReportState.FINISHING);
    assertThat(service.upload(ESP, Long.toString(id), "a", bytes("late")).code().code())
        .as("a finishing report takes no more files")
        .isEqualTo(5102);
    assertThat(service.retract(ESP, Long.toString(id)).code().code()).isEqualTo(5102);

    HotlineResponse done = service.finish(ESP, Long.toString(id));
    assertThat(done).isEqualTo(new ReportDoneResponse(id, List.of(f1, f2)));
    assertThat(tips.count(AGENCY)).isEqualTo(1);
    assertThat(tipOf(id).report().files())
        .extracting(rf -> rf.fileId().orElseThrow())
        .containsExactly(f1, f2);
    assertThat(tips.creations()).isEqualTo(3);
    assertThat(service.finish(ESP, Long.toString(id)).code().code()).isEqualTo(5102);
  }

  @Test
  public void aCrashedFinishIsCompletedAtStartUp() {
    long id = open(ESP);
    upload(ESP, id, "one");
    flakyTips.failOnAttach(1);
    assertThatThrownBy(() -> service.finish(ESP, Long.toString(id)))
        .isInstanceOf(SimulatedCrash.class);
    assertThat(service.resumeFinishing(10)).isEqualTo(1);
    assertThat(stored(id).state()).isEqualTo(ReportState.FINISHED);
    assertThat(tipOf(id).report().files()).hasSize(1);
    assertThat(service.resumeFinishing(10)).isZero();
    assertThat(service.finish(ESP, Long.toString(id)).code().code()).isEqualTo(5102);
  }

  @Test
  public void whenIntakeRejectsAtFinishTheReportStaysOpen() {
    long id = open(ESP);
    upload(ESP, id, "x");
    reader.rejectEverything.set(true);
    clock.advance(Duration.ofHours(23).plusMinutes(30));
    HotlineResponse r = service.finish(ESP, Long.toString(id));
    assertThat(r.code()).isEqualTo(ResponseCode.VALIDATION_FAILED);
    assertThat(((ReportResponse) r).description()).contains("rejected by the changed reader");
    HotlineReport report = stored(id);
    assertThat(report.state()).isEqualTo(ReportState.OPEN);
    assertThat(report.closedAt()).isEmpty();
    assertThat(report.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    assertThat(tips.count(AGENCY)).isZero();
    reader.rejectEverything.set(false);
    assertThat(service.finish(ESP, Long.toString(id))).isInstanceOf(ReportDoneResponse.class);
  }

  private HotlineService withRepository(HotlineRepository r) {
    Intake intake =
        new Intake(archive, flakyTips, new DocumentReaders(reader, reader), IntakeLimits.DEFAULT);
    return new HotlineService(r, archive, flakyTips, intake, reader, HotlineConfig.DEFAULT, clock);
  }

  @Test
  public void aRetractBetweenAnUploadsReadAndWriteIsAnswered5101() {
    long id = open(ESP);
    AtomicInteger interference = new AtomicInteger(1);
    service =
        withRepository(
            new ForwardingHotlineRepository(repo) {
              @Override
              public AddFileResult addFile(HotlineReport report, HotlineFile file, int max) {
                if (interference.getAndDecrement() > 0) {
                  repo.transition(stored(report.id()), ReportState.RETRACTED, clock.instant());
                }
                return super.addFile(report, file, max);
              }
            });
    ReportResponse r = service.upload(ESP, Long.toString(id), "mine.jpg", bytes("mine"));
    assertThat(r.code().code()).isEqualTo(5101);
    assertThat(repo.files(stored(id))).isEmpty();
  }

  @Test
  public void anUploadBetweenAFinishsReadAndWriteIsIncluded() {
    long id = open(ESP);
    String first = upload(ESP, id, "first");
    AtomicInteger interference = new AtomicInteger(1);
    String[] late = new String[1];
    service =
        withRepository(
            new ForwardingHotlineRepository(repo) {
              @Override
              public boolean transition(HotlineReport expected, ReportState to, Instant at) {
                if (to == ReportState.FINISHING && interference.getAndDecrement() > 0) {
                  late[0] = upload(ESP, id, "late");
                }
                return super.transition(expected, to, at);
              }
            });
    HotlineResponse done = service.finish(ESP, Long.toString(id));
    assertThat(done).isEqualTo(new ReportDoneResponse(id, List.of(first, late[0])));
    assertThat(tipOf(id).report().files()).hasSize(2);
  }

  @Test
  public void aFileinfoThatNoLongerParsesAtFinishLeavesTheFileWithOurHashes() {
    long id = open(ESP);
    String f = upload(ESP, id, "x");
    byte[] details = fileDetails(id, f, "x.jpg");
    assertThat(service.fileInfo(ESP, details).code()).isEqualTo(ResponseCode.SUCCESS);
    reader.rejectFileDetails.set(true);
    assertThat(service.finish(ESP, Long.toString(id))).isInstanceOf(ReportDoneResponse.class);
    ReportedFile file = tipOf(id).report().files().get(0);
    assertThat(file.fileId()).contains(f);
    assertThat(file.hashes()).extracting(FileHash::origin).containsOnly(HashOrigin.TIPTRACE);
    var archived = archive.find(AGENCY, Sha256.of(details)).orElseThrow();
    assertThat(archived.status()).isEqualTo(ArchiveStatus.QUARANTINED);
    assertThat(archived.problems()).isNotEmpty();
  }

  @Test
  public void byteIdenticalReportsShareOneTipAndEachFinishes() {
    // Intake keeps one tip per agency and source document: the second report's file joins the
    // first report's tip, and both clients get their own reportDoneResponse.
    byte[] xml = reportXml();
    long a = service.submit(ESP, xml).reportId().orElseThrow();
    long b = service.submit(ESP, xml).reportId().orElseThrow();
    assertThat(a).isNotEqualTo(b);
    String fa = upload(ESP, a, "a");
    String fb = upload(ESP, b, "b");
    assertThat(service.finish(ESP, Long.toString(a)))
        .isEqualTo(new ReportDoneResponse(a, List.of(fa)));
    assertThat(service.finish(ESP, Long.toString(b)))
        .isEqualTo(new ReportDoneResponse(b, List.of(fb)));
    assertThat(tips.count(AGENCY)).isEqualTo(1);
    assertThat(stored(b).tipId()).isEqualTo(stored(a).tipId());
    assertThat(tipOf(a).report().files())
        .extracting(rf -> rf.fileId().orElseThrow())
        .containsExactly(fa, fb);
  }

  @Test
  public void concurrentUploadsAreNeitherLostNorDoubled() throws Exception {
    long id = open(ESP);
    int threads = 8;
    List<ReportResponse> answers =
        runConcurrently(
            threads, i -> service.upload(ESP, Long.toString(id), "f" + i, bytes("content " + i)));
    List<String> accepted =
        answers.stream()
            .filter(r -> r.code() == ResponseCode.SUCCESS)
            .map(r -> r.fileId().orElseThrow())
            .toList();
    assertThat(answers).extracting(ReportResponse::code).containsOnly(ResponseCode.SUCCESS);
    assertThat(accepted).hasSize(threads).doesNotHaveDuplicates();
    assertThat(repo.files(stored(id)))
        .extracting(HotlineFile::fileId)
        .containsExactlyInAnyOrderElementsOf(accepted);
  }

  @Test
  public void concurrentFinishesFileOneTip() throws Exception {
    long id = open(ESP);
    upload(ESP, id, "one");
    upload(ESP, id, "two");
    int threads = 6;
    List<HotlineResponse> answers =
        runConcurrently(threads, i -> service.finish(ESP, Long.toString(id)));
    assertThat(answers).filteredOn(r -> r instanceof ReportDoneResponse).hasSize(1);
    assertThat(answers)
        .filteredOn(r -> !(r instanceof ReportDoneResponse))
        .extracting(HotlineResponse::code)
        .containsOnly(ResponseCode.REPORT_FINISHED);
    assertThat(tips.count(AGENCY)).isEqualTo(1);
    assertThat(tipOf(id).report().files()).hasSize(2);
    assertThat(tips.creations()).isEqualTo(3);
    assertThat(stored(id).state()).isEqualTo(ReportState.FINISHED);
  }

  private static <T> List<T> runConcurrently(int n, java.util.function.IntFunction<T> call)
      throws Exception {
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(n);
    try {
      List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.apply(k);
                }));
      }
      start.countDown();
      List<T> out = new java.util.ArrayList<>();
      for (var f : futures) {
        out.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ doubles

  /** Thrown by {@link FlakyTips} to stand for a process dying mid-way. */
  public static final class SimulatedCrash extends RuntimeException {
    SimulatedCrash() {
      super("simulated crash");
    }
  }

  /** Delegates to a real double; can be told to "crash" on the n-th attachFile call. */
  public static final class FlakyTips implements TipRepository {
    private final TipRepository delegate;
    private int crashOnAttach;

    FlakyTips(TipRepository delegate) {
      this.delegate = delegate;
    }

    void failOnAttach(int nth) {
      crashOnAttach = nth;
    }

    @Override
    public Stored insertIfAbsent(
        AgencyId agency, Sha256 source, Instant receivedAt, org.tiptrace.tip.Report report) {
      return delegate.insertIfAbsent(agency, source, receivedAt, report);
    }

    @Override
    public Stored attachFile(AgencyId agency, TipId tip, Sha256 source, ReportedFile file) {
      if (crashOnAttach > 0 && --crashOnAttach == 0) {
        throw new SimulatedCrash();
      }
      return delegate.attachFile(agency, tip, source, file);
    }

    @Override
    public Optional<Tip> find(AgencyId agency, TipId id) {
      return delegate.find(agency, id);
    }

    @Override
    public Optional<Tip> findBySource(AgencyId agency, Sha256 source) {
      return delegate.findBySource(agency, source);
    }

    @Override
    public Optional<Tip> findByCybertipReportId(AgencyId agency, String id) {
      return delegate.findByCybertipReportId(agency, id);
    }

    @Override
    public org.tiptrace.tip.Page<org.tiptrace.tip.TipSummary> list(
        AgencyId agency, org.tiptrace.tip.TipQuery query) {
      return delegate.list(agency, query);
    }

    @Override
    public long count(AgencyId agency) {
      return delegate.count(agency);
    }
  }
}
