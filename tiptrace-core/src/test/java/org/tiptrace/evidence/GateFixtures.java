package org.tiptrace.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.FileMetadata;
import org.tiptrace.tip.IncidentSummary;
import org.tiptrace.tip.IncidentType;
import org.tiptrace.tip.MetadataType;
import org.tiptrace.tip.NameValue;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TriState;

/** Tips with files whose gate flags a test chooses. */
final class GateFixtures {
  static final AgencyId A = new AgencyId("ICAC-A");
  static final AgencyId B = new AgencyId("ICAC-B");
  static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

  private GateFixtures() {}

  static ReportedFile file(
      Optional<String> fileId,
      TriState viewed,
      TriState exifViewed,
      TriState isPublic,
      List<FileHash> hashes,
      List<String> ncmecTags) {
    return new ReportedFile(
        fileId,
        Optional.of("upload.jpg"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        viewed,
        exifViewed,
        isPublic,
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        hashes,
        List.of(),
        List.of(),
        List.of(
            new FileMetadata(
                Optional.of(MetadataType.EXIF), List.of(new NameValue("Make", "ExampleCam"))),
            new FileMetadata(
                Optional.of(MetadataType.HASH), List.of(new NameValue("PDQ", "00ff")))),
        List.of(),
        ncmecTags);
  }

  static ReportedFile file(String fileId, TriState viewed, TriState exifViewed, TriState isPublic) {
    return file(Optional.of(fileId), viewed, exifViewed, isPublic, List.of(), List.of());
  }

  static Tip tip(long id, AgencyId agency, ReportedFile... files) {
    Report report =
        new Report(
            SourceFormat.ESP_XML_REPORT,
            Optional.of("R" + id),
            Optional.empty(),
            Optional.empty(),
            new IncidentSummary(
                Optional.of(IncidentType.CHILD_PORNOGRAPHY),
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
            List.of(files),
            List.of(),
            List.of());
    return new Tip(new TipId(id), agency, Sha256.of(new byte[] {(byte) id}), T0, report);
  }

  static Warrant warrant(long id, Tip tip, String... files) {
    return new Warrant(
        new WarrantId(id),
        tip.agency(),
        tip.id(),
        "SW-2026-" + id,
        "Superior Court of Example County",
        LocalDate.parse("2026-11-19"),
        java.util.Arrays.stream(files)
            .map(FileRef::new)
            .collect(java.util.stream.Collectors.toSet()),
        "alice",
        T0.plusSeconds(id));
  }
}
