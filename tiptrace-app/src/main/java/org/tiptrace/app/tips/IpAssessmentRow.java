package org.tiptrace.app.tips;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One stored IP assessment ({@code IpEventAssessment} JSON, as stored at intake) read for the
 * pages: the address, the attribution status and its rule findings (the attribution flags), and the
 * ISP retention deadline. The deadline is an estimate from a retention table, not legal advice.
 *
 * @param findings "RULE RESULT: detail" per rule that ran
 * @param deadlineSignal {@code WITHIN_RETENTION}, {@code PRESERVE_NOW}, {@code LIKELY_EXPIRED}, or
 *     empty when no deadline was reached (invalid or non-routable addresses)
 */
public record IpAssessmentRow(
    String ip,
    Optional<String> port,
    Optional<String> event,
    Optional<Instant> time,
    String status,
    String confidence,
    List<String> findings,
    Optional<String> deadlineSignal,
    Optional<Instant> likelyGoneAt,
    Optional<String> likelyGoneAfter,
    Optional<String> isp,
    Optional<String> retentionDays) {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", java.util.Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  public IpAssessmentRow {
    findings = List.copyOf(findings);
  }

  public static List<IpAssessmentRow> of(JsonNode assessments) {
    List<IpAssessmentRow> out = new ArrayList<>();
    for (JsonNode a : assessments) {
      out.add(of1(a));
    }
    return out;
  }

  public static IpAssessmentRow of1(JsonNode a) {
    List<String> findings = new ArrayList<>();
    for (JsonNode f : a.path("findings")) {
      findings.add(
          text(f.get("rule")).orElse("?")
              + " "
              + text(f.get("result")).orElse("?")
              + text(f.get("detail")).map(d -> ": " + d).orElse(""));
    }
    JsonNode d = a.path("deadline");
    return new IpAssessmentRow(
        text(a.get("ip")).or(() -> text(a.get("rawIp"))).orElse("?"),
        text(a.get("port")),
        text(a.get("eventName")),
        instant(a.path("time").get("instant")),
        text(a.get("status")).orElse("?"),
        text(a.get("confidence")).orElse("?"),
        findings,
        text(d.get("signal")),
        instant(d.get("likelyGoneAt")),
        text(d.get("likelyGoneAfter")),
        text(d.path("isp").get("name")),
        text(d.path("isp").get("retentionDays")));
  }

  /** "2026-03-01 10:00 UTC", or "unknown". */
  public String timeText() {
    return time.map(TIME::format).orElse("unknown");
  }

  public String deadlineText() {
    return likelyGoneAt
        .map(TIME::format)
        .or(() -> likelyGoneAfter)
        .map(t -> "likely gone after " + t)
        .orElse("no deadline reached");
  }

  public boolean preserveNow() {
    return deadlineSignal.filter("PRESERVE_NOW"::equals).isPresent();
  }

  private static Optional<String> text(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode()
        ? Optional.empty()
        : Optional.of(node.asText());
  }

  private static Optional<Instant> instant(JsonNode node) {
    try {
      return text(node).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
