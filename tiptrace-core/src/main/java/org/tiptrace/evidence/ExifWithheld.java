package org.tiptrace.evidence;

import java.util.List;
import org.tiptrace.tip.FileMetadata;
import org.tiptrace.tip.MetadataType;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;

/**
 * A report as it may be shown outside the gate: every file's EXIF and untyped metadata blocks
 * removed, HASH blocks kept. Views of a whole tip (its JSON) use it, so that {@link
 * EvidenceFiles#exif} stays the only way to a file's EXIF.
 */
public final class ExifWithheld {
  private ExifWithheld() {}

  public static Report report(Report r) {
    List<ReportedFile> files = r.files().stream().map(ExifWithheld::file).toList();
    return new Report(
        r.format(),
        r.cybertipReportId(),
        r.dateReceived(),
        r.batchedReport(),
        r.incidentSummary(),
        r.internetDetails(),
        r.lawEnforcement(),
        r.reporter(),
        r.reportedUsers(),
        r.intendedRecipients(),
        r.victims(),
        files,
        r.additionalInfo(),
        r.unknownElements());
  }

  static ReportedFile file(ReportedFile f) {
    List<FileMetadata> kept =
        f.details().stream()
            .filter(m -> m.type().map(t -> t == MetadataType.HASH).orElse(false))
            .toList();
    return new ReportedFile(
        f.fileId(),
        f.fileName(),
        f.originalFileName(),
        f.uploadedToEspTimestamp(),
        f.locationOfFile(),
        f.fileViewedByEsp(),
        f.exifViewedByEsp(),
        f.publiclyAvailable(),
        f.relevance(),
        f.annotations(),
        f.industryClassification(),
        f.hashes(),
        f.ipCaptureEvents(),
        f.deviceIds(),
        kept,
        f.additionalInfo(),
        f.ncmecTags());
  }
}
