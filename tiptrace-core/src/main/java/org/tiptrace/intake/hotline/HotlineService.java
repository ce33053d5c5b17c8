package org.tiptrace.intake.hotline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.tiptrace.intake.ArchiveStatus;
import org.tiptrace.intake.DocumentReader;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeOutcome;
import org.tiptrace.intake.IntakeResult;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;
import org.tiptrace.intake.RawArchive;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.intake.hotline.HotlineResponse.ReportDoneResponse;
import org.tiptrace.intake.hotline.HotlineResponse.ReportResponse;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipRepository;
import org.tiptrace.tip.TriState;

/**
 * The hotline API: one method per {@code /ispws} endpoint, one response value per call
 * (shared/reference/cybertip-esp-xml.md §1, [1]).
 *
 * <h2>Map</h2>
 *
 * <pre>
 *   submit ──► OPEN ──upload/fileinfo──► OPEN          (each change extends the deadline)
 *               │ ├──retract──► RETRACTED               (terminal)
 *               │ ├──deadline─► EXPIRED                 (terminal; answered as 5001)
 *               │ └──finish───► FINISHING ──► FINISHED  (terminal)
 *               │                   └─ intake rejects the report ──► OPEN (answer 4100)
 * </pre>
 *
 * <ul>
 *   <li><b>Deadline.</b> An OPEN report expires at max(opened + 24 h, last change + 1 h) [1]; from
 *       that instant on it answers 5001 as if it never existed. Time comes from the injected {@link
 *       Clock}. Expiry is decided on every access, so no sweeper is needed for correctness; {@link
 *       #expireDue} only makes the state visible in the store.
 *   <li><b>Ownership.</b> A report belongs to the platform (and its agency) that opened it; the
 *       repository's lookups are scoped by platform, so another platform gets 5001 and cannot learn
 *       that the id exists.
 *   <li><b>Terminal answers.</b> Finishing a finished report gives 5102 and retracting a retracted
 *       one 5101, which clients treat as success [1]; finish after retract is 5101, retract (or
 *       upload) after finish is 5102. FINISHING answers like FINISHED except to finish itself,
 *       which resumes the work.
 *   <li><b>Concurrency.</b> Uploads and fileinfo commute, so they only need the report to be still
 *       OPEN when they are written (parallel uploads of one report all succeed). State changes are
 *       a compare-and-set on the report's version, so an upload that lands between a finish's read
 *       and its write makes the finish read again and include the file. A lost race re-reads the
 *       report and decides again (at most {@value #ATTEMPTS} times, then 1300).
 * </ul>
 *
 * <h2>Why finish is crash-safe and idempotent</h2>
 *
 * <ol>
 *   <li>The OPEN → FINISHING compare-and-set is durable before anything else happens: from then on
 *       the report takes no uploads, fileinfo or retract, cannot expire, and its inputs are frozen.
 *   <li>The report becomes a tip through {@link Intake#ingest}, which is idempotent per agency and
 *       source digest: run again, it answers DUPLICATE with the same tip.
 *   <li>Each file is attached with {@link TipRepository#attachFile} under a source digest that is a
 *       pure function of the report and file (the fileDetails bytes' SHA-256 when fileinfo was
 *       sent, else a digest of agency, report id and file id), so a second attach is a no-op.
 *   <li>FINISHING → FINISHED records the tip id last.
 * </ol>
 *
 * A crash anywhere in 2–4 leaves the report FINISHING; the client's retried {@code /finish} (or
 * {@link #resumeFinishing} at start-up) runs 2–4 again, which creates nothing twice. Intake only
 * rejects a report that passed {@code /submit} if the reader changed in between; then no tip exists
 * and the report returns to OPEN with a 4100 answer.
 *
 * <p>Where the bytes live: uploaded files are evidence, so they go to the {@link RawArchive}
 * (content-addressed, durable) before the file row that names them, and are never logged. The
 * {@code report} and {@code fileDetails} documents stay in the hotline store while the report is
 * open and reach the archive at finish (a retracted or expired report never becomes a tip, and an
 * archived-but-unprocessed report must not be mistaken for a crash leftover). Two reports with
 * byte-identical XML share one tip, because intake keeps one tip per agency and source document;
 * the second report's files join it and a warning is logged.
 *
 * <p>Errors: methods return an error response for every client mistake; a failing store throws, and
 * the app answers that with {@link ResponseCode#SERVER_ERROR} (1000).
 *
 * <p>[1] shared/reference/cybertip-esp-xml.md §1 (endpoints, client rules, response codes, expiry)
 * and §6.4 (typical responses).
 */
public final class HotlineService {
  private static final System.Logger LOG = System.getLogger(HotlineService.class.getName());
  private static final int ATTEMPTS = 3;
  private static final int MAX_DESCRIPTION_CHARS = 4000;
  private static final int MAX_FILE_NAME_CHARS = 255;
  private static final Pattern REPORT_ID = Pattern.compile("[0-9]{1,18}");
  private static final HexFormat HEX = HexFormat.of();

  private final HotlineRepository reports;
  private final RawArchive archive;
  private final TipRepository tips;
  private final Intake intake;
  private final DocumentReader reader;
  private final HotlineConfig config;
  private final Clock clock;
  private final RandomGenerator random;
  private final FiledTipListener filed;

  /**
   * @param reader the strict ESP XML reader used to validate {@code report} and {@code fileDetails}
   *     documents (the same one {@code intake} uses for XML)
   * @param tips the repository {@code intake} stores into; files are attached through it
   */
  public HotlineService(
      HotlineRepository reports,
      RawArchive archive,
      TipRepository tips,
      Intake intake,
      DocumentReader reader,
      HotlineConfig config,
      Clock clock) {
    this(reports, archive, tips, intake, reader, config, clock, new SecureRandom());
  }

  /**
   * As above, with work to do on the filed tip ({@link FiledTipListener}) before the report is
   * marked FINISHED.
   */
  public HotlineService(
      HotlineRepository reports,
      RawArchive archive,
      TipRepository tips,
      Intake intake,
      DocumentReader reader,
      HotlineConfig config,
      Clock clock,
      FiledTipListener filed) {
    this(reports, archive, tips, intake, reader, config, clock, new SecureRandom(), filed);
  }

  HotlineService(
      HotlineRepository reports,
      RawArchive archive,
      TipRepository tips,
      Intake intake,
      DocumentReader reader,
      HotlineConfig config,
      Clock clock,
      RandomGenerator random) {
    this(reports, archive, tips, intake, reader, config, clock, random, (agency, tip) -> {});
  }

  HotlineService(
      HotlineRepository reports,
      RawArchive archive,
      TipRepository tips,
      Intake intake,
      DocumentReader reader,
      HotlineConfig config,
      Clock clock,
      RandomGenerator random,
      FiledTipListener filed) {
    this.filed = Objects.requireNonNull(filed, "filed");
    this.reports = Objects.requireNonNull(reports, "reports");
    this.archive = Objects.requireNonNull(archive, "archive");
    this.tips = Objects.requireNonNull(tips, "tips");
    this.intake = Objects.requireNonNull(intake, "intake");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  // ---------------------------------------------------------------- endpoints

  /** {@code GET /status}: the caller is authenticated, so the answer is success (code 0). */
  public ReportResponse status(Platform platform) {
    Objects.requireNonNull(platform, "platform");
    return ReportResponse.ok();
  }

  /**
   * {@code POST /submit}: validates the {@code report} document strictly and opens a report.
   * Answers 4110 (malformed), 4100 (invalid, with the problems), 4000 (too large) or success with
   * the new {@code reportId}.
   */
  public ReportResponse submit(Platform platform, byte[] reportXml) {
    Objects.requireNonNull(platform, "platform");
    Optional<ReportResponse> bad = checkDocument(reportXml);
    if (bad.isPresent()) {
      return bad.get();
    }
    ParseResult parsed =
        reader.read("submit", reportXml, ParseMode.STRICT, config.documentLimits());
    switch (parsed) {
      case ParseResult.Rejected r -> {
        return invalid(r.problems());
      }
      case ParseResult.FileDetailsParsed f -> {
        return ReportResponse.error(
            ResponseCode.VALIDATION_FAILED,
            "/submit takes a report document; this is a fileDetails document (send it to"
                + " /fileinfo)");
      }
      case ParseResult.ReportParsed ok -> {
        HotlineReport report = reports.open(platform, reportXml, clock.instant());
        LOG.log(
            System.Logger.Level.INFO,
            "hotline report {0} opened by platform {1}",
            Long.toString(report.id()),
            platform);
        return ReportResponse.ok(report.id());
      }
    }
  }

  /**
   * {@code POST /upload}: stores one file of an open report. Answers success with a new 32-hex
   * {@code fileId} and the MD5 of {@code bytes}; 4000 for a bad id or too many files; 4200 for an
   * empty or oversized file; 5001, 5101 or 5102 when the report is missing or closed.
   *
   * @param reportId the form field {@code id}, as sent
   * @param fileName the multipart file name, or empty; any path is stripped
   */
  public ReportResponse upload(Platform platform, String reportId, String fileName, byte[] bytes) {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(bytes, "bytes");
    Optional<Long> id = parseReportId(reportId);
    if (id.isEmpty()) {
      return badReportId(reportId);
    }
    if (bytes.length == 0) {
      return ReportResponse.error(ResponseCode.MALFORMED_FILE_SUBMITTAL, "the file is empty");
    }
    if (bytes.length > config.maxUploadBytes()) {
      return ReportResponse.error(
          ResponseCode.MALFORMED_FILE_SUBMITTAL,
          "the file is "
              + bytes.length
              + " bytes; the limit is "
              + config.maxUploadBytes()
              + " bytes (hotline.max-upload-bytes)");
    }
    Instant now = clock.instant();
    Digests digests = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<HotlineReport> found = reports.find(platform, id.get());
      if (found.isEmpty()) {
        return notFound();
      }
      HotlineReport report = found.get();
      Optional<ReportResponse> closed = closedAnswer(report, now);
      if (closed.isPresent()) {
        return closed.get();
      }
      if (digests == null) {
        digests = Digests.of(bytes);
        // Evidence first: the file row below must never name bytes that are not archived.
        archive.store(
            platform.agency(),
            digests.sha256(),
            "hotline:report-" + report.id() + "/upload/" + cleanFileName(fileName),
            bytes,
            now);
      }
      HotlineFile file =
          new HotlineFile(
              report.id(),
              newFileId(),
              cleanFileName(fileName),
              bytes.length,
              digests.md5(),
              digests.sha1(),
              digests.sha256(),
              now);
      switch (reports.addFile(report, file, config.maxFilesPerReport())) {
        case ADDED -> {
          LOG.log(
              System.Logger.Level.INFO,
              "hotline report {0}: file {1} uploaded ({2} bytes)",
              Long.toString(report.id()),
              file.fileId(),
              Long.toString(file.size()));
          return ReportResponse.uploaded(report.id(), file.fileId(), file.md5());
        }
        case FULL -> {
          return ReportResponse.error(
              ResponseCode.INVALID_REQUEST,
              "report "
                  + report.id()
                  + " already holds "
                  + config.maxFilesPerReport()
                  + " files, the most allowed (hotline.max-files-per-report)");
        }
        case NOT_OPEN -> {
          // closed meanwhile: read again for the right answer
        }
      }
    }
    return raced();
  }

  /**
   * {@code POST /fileinfo}: validates a {@code fileDetails} document strictly and keeps it for its
   * file (a later one for the same file replaces it). Answers 4110, 4100, 5001 (report missing,
   * closed by expiry, or another platform's), 5002 (no such file in the report), 5101, 5102 or
   * success with the {@code reportId}.
   */
  public ReportResponse fileInfo(Platform platform, byte[] fileDetailsXml) {
    Objects.requireNonNull(platform, "platform");
    Optional<ReportResponse> bad = checkDocument(fileDetailsXml);
    if (bad.isPresent()) {
      return bad.get();
    }
    ParseResult parsed =
        reader.read("fileinfo", fileDetailsXml, ParseMode.STRICT, config.documentLimits());
    ParseResult.FileDetailsParsed details;
    switch (parsed) {
      case ParseResult.Rejected r -> {
        return invalid(r.problems());
      }
      case ParseResult.ReportParsed r -> {
        return ReportResponse.error(
            ResponseCode.VALIDATION_FAILED,
            "/fileinfo takes a fileDetails document; this is a report document (send it to"
                + " /submit)");
      }
      case ParseResult.FileDetailsParsed f -> details = f;
    }
    Optional<Long> id = parseReportId(details.reportId());
    if (id.isEmpty()) {
      return notFound();
    }
    String fileId = details.file().fileId().orElse("").strip().toLowerCase(Locale.ROOT);
    Instant now = clock.instant();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<HotlineReport> found = reports.find(platform, id.get());
      if (found.isEmpty()) {
        return notFound();
      }
      HotlineReport report = found.get();
      Optional<ReportResponse> closed = closedAnswer(report, now);
      if (closed.isPresent()) {
        return closed.get();
      }
      boolean known = reports.files(report).stream().anyMatch(f -> f.fileId().equals(fileId));
      if (!known) {
        return ReportResponse.error(
            ResponseCode.FILE_NOT_FOUND,
            "report " + report.id() + " has no uploaded file with this fileId");
      }
      if (reports.putFileInfo(
          report, FileInfoDocument.of(report.id(), fileId, fileDetailsXml, now))) {
        LOG.log(
            System.Logger.Level.INFO,
            "hotline report {0}: fileinfo for file {1} received",
            Long.toString(report.id()),
            fileId);
        return ReportResponse.ok(report.id());
      }
    }
    return raced();
  }

  /**
   * {@code POST /finish}: files the report as a tip, irreversibly. Answers {@link
   * ReportDoneResponse} with every fileId, or a {@link ReportResponse} with 4000, 4100 (the intake
   * rejected the report; it stays open), 5001, 5101 or 5102.
   */
  public HotlineResponse finish(Platform platform, String reportId) {
    Objects.requireNonNull(platform, "platform");
    Optional<Long> id = parseReportId(reportId);
    if (id.isEmpty()) {
      return badReportId(reportId);
    }
    Instant now = clock.instant();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<HotlineReport> found = reports.find(platform, id.get());
      if (found.isEmpty()) {
        return notFound();
      }
      HotlineReport report = found.get();
      if (report.state() == ReportState.FINISHING) {
        return complete(report); // a retry after a crash or a time-out: resume
      }
      Optional<ReportResponse> closed = closedAnswer(report, now);
      if (closed.isPresent()) {
        return closed.get();
      }
      if (reports.transition(report, ReportState.FINISHING, now)) {
        Optional<HotlineReport> finishing = reports.find(platform, report.id());
        if (finishing.isPresent() && finishing.get().state() == ReportState.FINISHING) {
          return complete(finishing.get());
        }
      }
    }
    return raced();
  }

  /**
   * {@code POST /retract}: cancels an open report. Answers success with the {@code reportId}, 4000,
   * 5001, 5101 (already retracted) or 5102 (already finished).
   */
  public ReportResponse retract(Platform platform, String reportId) {
    Objects.requireNonNull(platform, "platform");
    Optional<Long> id = parseReportId(reportId);
    if (id.isEmpty()) {
      return badReportId(reportId);
    }
    Instant now = clock.instant();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<HotlineReport> found = reports.find(platform, id.get());
      if (found.isEmpty()) {
        return notFound();
      }
      HotlineReport report = found.get();
      Optional<ReportResponse> closed = closedAnswer(report, now);
      if (closed.isPresent()) {
        return closed.get();
      }
      if (reports.transition(report, ReportState.RETRACTED, now)) {
        LOG.log(
            System.Logger.Level.INFO,
            "hotline report {0} retracted by platform {1}",
            Long.toString(report.id()),
            platform);
        return ReportResponse.ok(report.id());
      }
    }
    return raced();
  }

  // ---------------------------------------------------------------- maintenance (app-scheduled)

  /**
   * Completes reports left FINISHING by a crash. For the app's start-up; safe to run while requests
   * are served (every step is idempotent).
   *
   * @return how many reports were completed
   */
  public int resumeFinishing(int limit) {
    int done = 0;
    for (HotlineReport report : reports.inState(ReportState.FINISHING, limit)) {
      if (complete(report) instanceof ReportDoneResponse) {
        done++;
      }
    }
    return done;
  }

  /**
   * Marks OPEN reports past their deadline EXPIRED in the store. Not needed for correctness (every
   * request checks the deadline itself); keeps the store's state honest.
   *
   * @return how many reports were marked
   */
  public int expireDue(int limit) {
    Instant now = clock.instant();
    int marked = 0;
    for (HotlineReport report : reports.openExpiredAt(now, limit)) {
      if (report.isExpiredAt(now) && reports.transition(report, ReportState.EXPIRED, now)) {
        marked++;
      }
    }
    return marked;
  }

  // ---------------------------------------------------------------- finish, steps 2-4

  private HotlineResponse complete(HotlineReport report) {
    Platform platform = report.platform();
    String reportNumber = Long.toString(report.id());
    byte[] xml = reports.reportXml(report);
    IntakeResult result =
        intake.ingest(
            platform.agency(),
            new RawDocument("hotline:report-" + reportNumber + ".xml", xml, report.openedAt()),
            ParseMode.STRICT,
            Optional.of(reportNumber));
    if (result.outcome() == IntakeOutcome.REJECTED || result.tipId().isEmpty()) {
      // No tip exists (a rejection means intake found none by this source): safe to reopen.
      Instant now = clock.instant();
      boolean reopened = reports.transition(report, ReportState.OPEN, now);
      LOG.log(
          System.Logger.Level.WARNING,
          "hotline report {0}: intake rejected the report at finish ({1} problems); reopened: {2}",
          reportNumber,
          Integer.toString(result.problems().size()),
          Boolean.toString(reopened));
      return invalid(result.problems());
    }
    TipId tipId = result.tipId().get();
    if (result.outcome() == IntakeOutcome.DUPLICATE) {
      String owner =
          tips.find(platform.agency(), tipId)
              .map(Tip::report)
              .flatMap(r -> r.cybertipReportId())
              .orElse("");
      if (!owner.equals(reportNumber)) {
        // Byte-identical report XML was already filed by this agency: intake keeps one tip per
        // source document, so this report's files join that tip.
        LOG.log(
            System.Logger.Level.WARNING,
            "hotline report {0}: identical report XML already filed as tip {1} (report {2});"
                + " files are attached there",
            reportNumber,
            tipId,
            owner);
      }
    }

    Map<String, FileInfoDocument> infos = new HashMap<>();
    for (FileInfoDocument info : reports.fileInfos(report)) {
      infos.put(info.fileId(), info);
    }
    List<String> fileIds = new ArrayList<>();
    for (HotlineFile file : reports.files(report)) {
      attach(platform, tipId, file, Optional.ofNullable(infos.get(file.fileId())));
      fileIds.add(file.fileId());
    }

    // Before FINISHED: a step that fails leaves the report FINISHING, and the retried finish or
    // the start-up resume runs it again (the steps are idempotent).
    filed.filed(platform.agency(), tipId);

    Instant now = clock.instant();
    if (reports.finished(report, tipId, now)) {
      LOG.log(
          System.Logger.Level.INFO,
          "hotline report {0} finished as tip {1} with {2} files",
          reportNumber,
          tipId,
          Integer.toString(fileIds.size()));
      return new ReportDoneResponse(report.id(), fileIds);
    }
    // A concurrent finish (a client retry racing this one) recorded the same tip first.
    return ReportResponse.error(
        ResponseCode.REPORT_FINISHED, "report " + report.id() + " was finished by another call");
  }

  private void attach(
      Platform platform, TipId tipId, HotlineFile file, Optional<FileInfoDocument> info) {
    List<FileHash> ours =
        List.of(
            new FileHash(HashAlgorithm.MD5, "MD5", file.md5(), HashOrigin.TIPTRACE),
            new FileHash(HashAlgorithm.SHA1, "SHA1", file.sha1(), HashOrigin.TIPTRACE),
            new FileHash(HashAlgorithm.SHA256, "SHA256", file.sha256().hex(), HashOrigin.TIPTRACE));
    ReportedFile reported = minimalFile(file, ours);
    Sha256 source = derivedSource(platform, file);
    if (info.isPresent()) {
      FileInfoDocument doc = info.get();
      archive.store(
          platform.agency(),
          doc.sha256(),
          "hotline:report-" + file.reportId() + "/fileinfo-" + file.fileId() + ".xml",
          doc.xml(),
          doc.receivedAt());
      ParseResult parsed =
          reader.read(
              "hotline:report-" + file.reportId() + "/fileinfo-" + file.fileId() + ".xml",
              doc.xml(),
              ParseMode.STRICT,
              config.documentLimits());
      if (parsed instanceof ParseResult.FileDetailsParsed details) {
        reported = withOurs(details.file(), file, ours);
        source = doc.sha256();
        archive.recordOutcome(
            platform.agency(), doc.sha256(), ArchiveStatus.ACCEPTED, details.problems());
      } else {
        // Accepted at /fileinfo but rejected now: only a reader change can do that. Keep the
        // file (with our hashes) rather than fail an irreversible finish; the document stays
        // archived with its problems.
        archive.recordOutcome(
            platform.agency(), doc.sha256(), ArchiveStatus.QUARANTINED, parsed.problems());
        LOG.log(
            System.Logger.Level.WARNING,
            "hotline report {0}: fileinfo of file {1} no longer parses; file attached without it",
            Long.toString(file.reportId()),
            file.fileId());
      }
    }
    tips.attachFile(platform.agency(), tipId, source, reported);
    archive.recordOutcome(platform.agency(), file.sha256(), ArchiveStatus.ACCEPTED, List.of());
  }

  private static ReportedFile minimalFile(HotlineFile file, List<FileHash> hashes) {
    return new ReportedFile(
        Optional.of(file.fileId()),
        file.fileName().isEmpty() ? Optional.empty() : Optional.of(file.fileName()),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        TriState.UNKNOWN,
        TriState.UNKNOWN,
        TriState.UNKNOWN,
        Optional.empty(),
        java.util.Set.of(),
        Optional.empty(),
        hashes,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static ReportedFile withOurs(ReportedFile f, HotlineFile file, List<FileHash> ours) {
    List<FileHash> hashes = new ArrayList<>(f.hashes());
    hashes.addAll(ours);
    return new ReportedFile(
        Optional.of(file.fileId()),
        f.fileName().isPresent() || file.fileName().isEmpty()
            ? f.fileName()
            : Optional.of(file.fileName()),
        f.originalFileName(),
        f.uploadedToEspTimestamp(),
        f.locationOfFile(),
        f.fileViewedByEsp(),
        f.exifViewedByEsp(),
        f.publiclyAvailable(),
        f.relevance(),
        f.annotations(),
        f.industryClassification(),
        hashes,
        f.ipCaptureEvents(),
        f.deviceIds(),
        f.details(),
        f.additionalInfo(),
        f.ncmecTags());
  }

  /**
   * The attachment key of a file sent without fileinfo: a pure function of agency, report and file,
   * so a repeated finish attaches nothing twice, and distinct from every other file's even when the
   * bytes are the same.
   */
  static Sha256 derivedSource(Platform platform, HotlineFile file) {
    String key =
        "tiptrace/hotline/file\n"
            + platform.agency().code()
            + "\n"
            + file.reportId()
            + "\n"
            + file.fileId();
    return Sha256.of(key.getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Whether a report can no longer change, and the answer to give; an OPEN report past its deadline
   * is marked EXPIRED on the way.
   */
  private Optional<ReportResponse> closedAnswer(HotlineReport report, Instant now) {
    if (report.state() == ReportState.OPEN && report.isExpiredAt(now)) {
      reports.transition(report, ReportState.EXPIRED, now); // losing a race here changes nothing
      return Optional.of(notFound());
    }
    return switch (report.state()) {
      case OPEN -> Optional.empty();
      case EXPIRED -> Optional.of(notFound());
      case RETRACTED ->
          Optional.of(
              ReportResponse.error(
                  ResponseCode.REPORT_RETRACTED, "report " + report.id() + " was retracted"));
      case FINISHING, FINISHED ->
          Optional.of(
              ReportResponse.error(
                  ResponseCode.REPORT_FINISHED, "report " + report.id() + " was finished"));
    };
  }

  /** Size and well-formedness, before the reader sees the document. */
  private Optional<ReportResponse> checkDocument(byte[] xml) {
    Objects.requireNonNull(xml, "xml");
    long max = config.documentLimits().maxDocumentBytes();
    if (xml.length > max) {
      return Optional.of(
          ReportResponse.error(
              ResponseCode.INVALID_REQUEST,
              "the document is "
                  + xml.length
                  + " bytes; the limit is "
                  + max
                  + " bytes (intake.max-document-bytes)"));
    }
    return XmlWellFormedness.check(xml)
        .map(why -> ReportResponse.error(ResponseCode.MALFORMED_XML, why));
  }

  /** 4100 with the errors' messages (file:line:column: path: reason), bounded in length. */
  private static ReportResponse invalid(List<Problem> problems) {
    List<Problem> errors = problems.stream().filter(Problem::isError).toList();
    List<Problem> shown = errors.isEmpty() ? problems : errors;
    StringBuilder sb = new StringBuilder();
    int listed = 0;
    for (Problem p : shown) {
      String m = p.message();
      if (listed > 0 && sb.length() + m.length() + 2 > MAX_DESCRIPTION_CHARS) {
        break;
      }
      if (listed > 0) {
        sb.append("; ");
      }
      sb.append(m);
      listed++;
    }
    if (listed < shown.size()) {
      sb.append("; and ").append(shown.size() - listed).append(" more");
    }
    return ReportResponse.error(ResponseCode.VALIDATION_FAILED, sb.toString());
  }

  private static Optional<Long> parseReportId(String text) {
    String t = text.strip();
    if (!REPORT_ID.matcher(t).matches()) {
      return Optional.empty();
    }
    long id = Long.parseLong(t);
    return id > 0 ? Optional.of(id) : Optional.empty();
  }

  private static ReportResponse badReportId(String text) {
    return ReportResponse.error(
        ResponseCode.INVALID_REQUEST,
        text.isBlank()
            ? "the form field id (the reportId) is missing"
            : "the form field id must be a positive report number");
  }

  private static ReportResponse notFound() {
    return ReportResponse.error(ResponseCode.REPORT_NOT_FOUND, "");
  }

  private static ReportResponse raced() {
    return ReportResponse.error(
        ResponseCode.UPDATE_FAILED, "the report changed during the request; retry");
  }

  private String newFileId() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return HEX.formatHex(b);
  }

  /** The last path segment, without control characters, at most 255 code points. */
  static String cleanFileName(String name) {
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder sb = new StringBuilder();
    base.codePoints()
        .filter(cp -> !Character.isISOControl(cp))
        .limit(MAX_FILE_NAME_CHARS)
        .forEach(sb::appendCodePoint);
    return sb.toString().strip();
  }

  /** MD5 (returned to the client), SHA-1 and SHA-256 of one upload, in one pass each. */
  private record Digests(String md5, String sha1, Sha256 sha256) {
    static Digests of(byte[] bytes) {
      return new Digests(
          HEX.formatHex(digest("MD5", bytes)),
          HEX.formatHex(digest("SHA-1", bytes)),
          new Sha256(HEX.formatHex(digest("SHA-256", bytes))));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
      try {
        return MessageDigest.getInstance(algorithm).digest(bytes);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has " + algorithm, e);
      }
    }
  }
}
