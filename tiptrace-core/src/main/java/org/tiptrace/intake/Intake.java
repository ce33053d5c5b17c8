package org.tiptrace.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipRepository;

/**
 * The intake stage's entry point: one received document in, one {@link IntakeResult} out.
 *
 * <p>Order of work, chosen so that a crash at any point loses nothing and duplicates nothing:
 *
 * <ol>
 *   <li>archive the bytes (durable, content-addressed, idempotent);
 *   <li>if the archive says these bytes were processed and their tip exists, answer DUPLICATE;
 *   <li>parse; on errors, quarantine the archived document with its problems;
 *   <li>store the tip, or attach the file, atomically and idempotently by source digest;
 *   <li>mark the archived document accepted.
 * </ol>
 *
 * A crash between 1 and 5 leaves the document RECEIVED; ingesting it again resumes at step 2 and
 * the store's uniqueness on (agency, source digest) prevents a second tip.
 */
public final class Intake {
  private final RawArchive archive;
  private final TipRepository tips;
  private final DocumentReaders readers;
  private final IntakeLimits limits;

  public Intake(
      RawArchive archive, TipRepository tips, DocumentReaders readers, IntakeLimits limits) {
    this.archive = archive;
    this.tips = tips;
    this.readers = readers;
    this.limits = limits;
  }

  public IntakeResult ingest(AgencyId agency, RawDocument doc, ParseMode mode) {
    return ingest(agency, doc, mode, Optional.empty());
  }

  /**
   * As {@link #ingest(AgencyId, RawDocument, ParseMode)}, stamping a report number on a parsed
   * report: the hotline API assigns the number at {@code /submit}, and the ESP's {@code report}
   * document does not carry it.
   */
  public IntakeResult ingest(
      AgencyId agency, RawDocument doc, ParseMode mode, Optional<String> assignedReportId) {
    Sha256 sha = Sha256.of(doc.bytes());
    ArchivedDocument archived =
        archive.store(agency, sha, doc.name(), doc.bytes(), doc.receivedAt());

    // Fully processed before: answer from the store and leave the archived outcome (and its
    // warnings) alone. A document still RECEIVED was interrupted by a crash and is processed again;
    // the store's uniqueness on (agency, source) turns that into DUPLICATE if the tip exists.
    if (archived.status() == ArchiveStatus.ACCEPTED) {
      Optional<Tip> existing = tips.findBySource(agency, sha);
      if (existing.isPresent()) {
        return new IntakeResult(
            doc.name(), sha, IntakeOutcome.DUPLICATE, Optional.of(existing.get().id()), List.of());
      }
    }

    ParseResult parsed = readers.read(doc.name(), doc.bytes(), mode, limits);
    return switch (parsed) {
      case ParseResult.Rejected rejected -> quarantine(agency, doc, sha, rejected.problems());
      case ParseResult.ReportParsed ok -> {
        Report report = assignedReportId.map(ok.report()::withCybertipReportId).orElse(ok.report());
        TipRepository.Stored stored = tips.insertIfAbsent(agency, sha, doc.receivedAt(), report);
        archive.recordOutcome(agency, sha, ArchiveStatus.ACCEPTED, ok.problems());
        yield new IntakeResult(
            doc.name(),
            sha,
            stored.created() ? IntakeOutcome.ACCEPTED : IntakeOutcome.DUPLICATE,
            Optional.of(stored.tip().id()),
            ok.problems());
      }
      case ParseResult.FileDetailsParsed file -> {
        Optional<Tip> target = tips.findByCybertipReportId(agency, file.reportId());
        if (target.isEmpty()) {
          List<Problem> problems = new ArrayList<>(file.problems());
          problems.add(
              Problem.error(
                  doc.name(),
                  "/fileDetails/reportId",
                  "no tip of agency " + agency + " has report id " + file.reportId()));
          yield quarantine(agency, doc, sha, problems);
        }
        TipRepository.Stored stored = tips.attachFile(agency, target.get().id(), sha, file.file());
        archive.recordOutcome(agency, sha, ArchiveStatus.ACCEPTED, file.problems());
        yield new IntakeResult(
            doc.name(),
            sha,
            stored.created() ? IntakeOutcome.ATTACHED : IntakeOutcome.DUPLICATE,
            Optional.of(stored.tip().id()),
            file.problems());
      }
    };
  }

  private IntakeResult quarantine(
      AgencyId agency, RawDocument doc, Sha256 sha, List<Problem> problems) {
    archive.recordOutcome(agency, sha, ArchiveStatus.QUARANTINED, problems);
    return new IntakeResult(doc.name(), sha, IntakeOutcome.REJECTED, Optional.empty(), problems);
  }
}
