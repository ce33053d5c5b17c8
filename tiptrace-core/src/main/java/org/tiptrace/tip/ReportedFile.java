package org.tiptrace.tip;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A file of a report: the ESP {@code fileDetails} or an LE JSON {@code uploadedFiles} entry.
 *
 * <p>{@link #fileViewedByEsp()}, {@link #exifViewedByEsp()} and {@link #publiclyAvailable()} feed
 * the file-viewing gate; an absent answer is {@link TriState#UNKNOWN} and is never taken as "yes".
 *
 * @param fileId the id from {@code /upload} (XML) or the {@code submittalId} (JSON), when known
 * @param annotations {@code fileAnnotations} flags; the legacy {@code potentialMeme} is folded in
 * @param ipCaptureEvents the upload IP event(s)
 * @param ncmecTags labels NCMEC added (LE JSON only)
 */
public record ReportedFile(
    Optional<String> fileId,
    Optional<String> fileName,
    Optional<String> originalFileName,
    Optional<ReportedTime> uploadedToEspTimestamp,
    Optional<String> locationOfFile,
    TriState fileViewedByEsp,
    TriState exifViewedByEsp,
    TriState publiclyAvailable,
    Optional<FileRelevance> relevance,
    Set<FileAnnotation> annotations,
    Optional<IndustryClassification> industryClassification,
    List<FileHash> hashes,
    List<IpCaptureEvent> ipCaptureEvents,
    List<DeviceId> deviceIds,
    List<FileMetadata> details,
    List<String> additionalInfo,
    List<String> ncmecTags) {

  public ReportedFile {
    annotations = EnumSets.frozen(FileAnnotation.class, annotations);
    hashes = List.copyOf(hashes);
    ipCaptureEvents = List.copyOf(ipCaptureEvents);
    deviceIds = List.copyOf(deviceIds);
    details = List.copyOf(details);
    additionalInfo = List.copyOf(additionalInfo);
    ncmecTags = List.copyOf(ncmecTags);
  }
}
