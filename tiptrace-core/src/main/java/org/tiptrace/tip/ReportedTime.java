package org.tiptrace.tip;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;
import java.util.Optional;

/**
 * A point in time as a report stated it: the original text, the local wall-clock reading, and the
 * offset when the text carried one.
 *
 * <p>Why not just an {@link Instant}: a time without a zone cannot be converted without a guess,
 * and a guessed zone sends an ISP request for the wrong subscriber (see
 * shared/reference/ip-attribution.md, rule TZ_ZONE). Such a time has no {@link #instant()} and says
 * so through {@link #zoneKnown()}.
 *
 * @param raw the text exactly as received
 * @param local the wall-clock reading in the stated zone (or in an unknown zone)
 * @param offset the stated offset, absent when the text had none
 */
public record ReportedTime(String raw, LocalDateTime local, Optional<ZoneOffset> offset) {

  public ReportedTime {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(offset, "offset");
  }

  /**
   * Parses an {@code xs:dateTime} ({@code 2025-03-14T21:07:31Z}, {@code 2025-03-14T16:07:31-05:00},
   * or zone-less {@code 2025-03-14T21:07:31}), with optional fractional seconds.
   *
   * @throws DateTimeParseException when the text is not an xs:dateTime
   */
  public static ReportedTime parse(String raw) {
    String text = raw.strip();
    TemporalAccessor parsed =
        DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
    if (parsed instanceof OffsetDateTime odt) {
      if (text.contains("[")) {
        // A region id such as [Europe/Paris] is not part of xs:dateTime; refuse rather than guess.
        throw new DateTimeParseException(
            "zone region ids are not allowed", text, text.indexOf('['));
      }
      return new ReportedTime(raw, odt.toLocalDateTime(), Optional.of(odt.getOffset()));
    }
    return new ReportedTime(raw, (LocalDateTime) parsed, Optional.empty());
  }

  /** A time built from a known instant, written as UTC with {@code Z}. */
  public static ReportedTime ofInstant(Instant instant) {
    OffsetDateTime odt = instant.atOffset(ZoneOffset.UTC);
    return new ReportedTime(
        DateTimeFormatter.ISO_INSTANT.format(instant),
        odt.toLocalDateTime(),
        Optional.of(ZoneOffset.UTC));
  }

  /** True when the report stated a zone or offset. */
  public boolean zoneKnown() {
    return offset.isPresent();
  }

  /** The UTC instant; absent when the zone is unknown. */
  public Optional<Instant> instant() {
    return offset.map(o -> local.toInstant(o));
  }

  /**
   * The instant, or a {@link DateTimeException} naming the raw text when the zone is unknown. For
   * callers that have already checked {@link #zoneKnown()}.
   */
  public Instant requireInstant() {
    return instant()
        .orElseThrow(
            () -> new DateTimeException("time '" + raw + "' has no zone; its instant is unknown"));
  }
}
