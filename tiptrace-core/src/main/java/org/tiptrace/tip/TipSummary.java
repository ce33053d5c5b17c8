package org.tiptrace.tip;

import java.time.Instant;
import java.util.Optional;

/** One line of a tip list. */
public record TipSummary(
    TipId id,
    AgencyId agency,
    SourceFormat format,
    Optional<String> cybertipReportId,
    Optional<IncidentType> incidentType,
    Optional<ReportedTime> incidentDateTime,
    Optional<String> reporterName,
    int fileCount,
    int reportedUserCount,
    Instant receivedAt) {

  /** The summary of a full tip; the store may build the same values from indexed columns. */
  public static TipSummary of(Tip tip) {
    Report r = tip.report();
    Optional<String> reporterName =
        r.reporter()
            .flatMap(
                rep ->
                    rep.espName()
                        .or(() -> r.incidentSummary().platform())
                        .or(() -> rep.reportingPerson().flatMap(Person::lastName)))
            .or(() -> r.incidentSummary().platform());
    return new TipSummary(
        tip.id(),
        tip.agency(),
        r.format(),
        r.cybertipReportId(),
        r.incidentSummary().incidentType(),
        r.incidentSummary().incidentDateTime(),
        reporterName,
        r.files().size(),
        r.reportedUsers().size(),
        tip.receivedAt());
  }
}
