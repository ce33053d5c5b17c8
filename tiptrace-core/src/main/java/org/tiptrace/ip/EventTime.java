package org.tiptrace.ip;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An event time normalised for attribution. {@link #instant()} is present only when the time is
 * unambiguous; otherwise {@link #candidates()} carries every reading (both sides of a DST overlap
 * or gap, both halves of a 12-hour clock) and {@link #flags()} says why. A time without a zone is
 * never converted: it has neither instant nor candidates.
 *
 * @param raw the text exactly as received
 * @param local the wall-clock reading
 * @param statedOffset the offset in the text, if any
 * @param zoneRegion the configured zone region applied or checked against, if any
 */
public record EventTime(
    Optional<String> raw,
    Optional<LocalDateTime> local,
    Optional<ZoneOffset> statedOffset,
    Optional<ZoneId> zoneRegion,
    Optional<Instant> instant,
    List<Instant> candidates,
    Set<TimeFlag> flags) {
  private static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  public EventTime {
    candidates = List.copyOf(candidates);
    flags =
        flags.isEmpty()
            ? Set.of()
            : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(flags));
  }

  /** The instant in UTC to the second with {@code Z} ({@code 2025-03-14T21:07:31Z}), if known. */
  public Optional<String> instantUtcText() {
    return instant.map(i -> UTC_SECONDS.format(i.truncatedTo(ChronoUnit.SECONDS)));
  }

  /** True when the time cannot be used for an ISP request as it stands. */
  public boolean ambiguous() {
    return instant.isEmpty();
  }

  /** The zone as it should be shown next to the raw text: the offset, or the region, or "none". */
  public String statedZone() {
    if (statedOffset.isPresent()) {
      return statedOffset.get().getId();
    }
    return zoneRegion.map(z -> z.getId() + " (configured)").orElse("none");
  }
}
