package org.tiptrace.app.tips;

import java.time.format.DateTimeFormatter;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.TipSummary;

/** One line of a tip list as text, shared by the list page and {@code tips list}. */
public record TipRow(
    String id,
    String received,
    String format,
    String reportId,
    String incidentType,
    String incidentTime,
    String reporter,
    String files,
    String users) {

  static final String NONE = "-";

  public static TipRow of(TipSummary s) {
    return new TipRow(
        s.id().toString(),
        DateTimeFormatter.ISO_INSTANT.format(s.receivedAt()),
        s.format().name(),
        s.cybertipReportId().orElse(NONE),
        s.incidentType().map(t -> t.wire()).orElse(NONE),
        s.incidentDateTime().map(TipRow::time).orElse(NONE),
        s.reporterName().orElse(NONE),
        Integer.toString(s.fileCount()),
        Integer.toString(s.reportedUserCount()));
  }

  /** The time as reported; a time without a zone says so, since its instant is unknown. */
  static String time(ReportedTime t) {
    return t.zoneKnown() ? t.raw() : t.raw() + " (zone unknown)";
  }
}
