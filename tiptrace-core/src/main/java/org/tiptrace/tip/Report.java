package org.tiptrace.tip;

import java.util.List;
import java.util.Optional;

/**
 * The normalised content of one CyberTipline report, whichever format it came in.
 *
 * @param cybertipReportId NCMEC's report number (LE JSON {@code reportId}; a hotline-assigned id
 *     for reports submitted to Tiptrace's own hotline API); absent for a bare ESP {@code report}
 * @param dateReceived when NCMEC received the report (LE JSON {@code dateReceived})
 * @param batchedReport {@code batchedReport/@reason}
 * @param reportedUsers {@code personOrUserReported}
 * @param files the report's files ({@code fileDetails} documents or {@code uploadedFiles})
 * @param unknownElements content the reader kept but did not recognise
 */
public record Report(
    SourceFormat format,
    Optional<String> cybertipReportId,
    Optional<ReportedTime> dateReceived,
    Optional<BatchedReportReason> batchedReport,
    IncidentSummary incidentSummary,
    List<InternetDetail> internetDetails,
    Optional<LawEnforcement> lawEnforcement,
    Optional<Reporter> reporter,
    List<ReportedUser> reportedUsers,
    List<ReportedUser> intendedRecipients,
    List<ReportedUser> victims,
    List<ReportedFile> files,
    List<String> additionalInfo,
    List<UnknownElement> unknownElements) {

  public Report {
    internetDetails = List.copyOf(internetDetails);
    reportedUsers = List.copyOf(reportedUsers);
    intendedRecipients = List.copyOf(intendedRecipients);
    victims = List.copyOf(victims);
    files = List.copyOf(files);
    additionalInfo = List.copyOf(additionalInfo);
    unknownElements = List.copyOf(unknownElements);
  }

  /** Every user of every block, reported users first. */
  public List<ReportedUser> allUsers() {
    return java.util.stream.Stream.of(reportedUsers, intendedRecipients, victims)
        .flatMap(List::stream)
        .toList();
  }

  /** A copy carrying the given report number (the hotline assigns one at {@code /submit}). */
  public Report withCybertipReportId(String reportId) {
    return new Report(
        format,
        Optional.of(reportId),
        dateReceived,
        batchedReport,
        incidentSummary,
        internetDetails,
        lawEnforcement,
        reporter,
        reportedUsers,
        intendedRecipients,
        victims,
        files,
        additionalInfo,
        unknownElements);
  }

  /** A copy with more files, for {@code fileDetails} that arrive after the report. */
  public Report withFiles(List<ReportedFile> moreFiles) {
    List<ReportedFile> all = new java.util.ArrayList<>(files);
    all.addAll(moreFiles);
    return new Report(
        format,
        cybertipReportId,
        dateReceived,
        batchedReport,
        incidentSummary,
        internetDetails,
        lawEnforcement,
        reporter,
        reportedUsers,
        intendedRecipients,
        victims,
        all,
        additionalInfo,
        unknownElements);
  }
}
