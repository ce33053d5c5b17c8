package org.tiptrace.ip;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tiptrace.tip.ReportedTime;

/**
 * Rules TZ_ZONE, TZ_12H and TZ_DST: turns a reported time into an {@link EventTime}.
 *
 * <p>12-hour detection: a text is a possible 12-hour reading when its hour is 1..12, it carries no
 * AM/PM marker, and either the source is configured as {@link ClockFormat#TWELVE_HOUR} or the
 * format is {@link ClockFormat#UNKNOWN} and the text is not ISO 8601 ({@code yyyy-MM-ddTHH:mm},
 * which is 24-hour by definition). Hour 0 and hours 13..23 cannot be 12-hour readings.
 */
final class TimeNormaliser {
  private static final Pattern MERIDIEM =
      Pattern.compile("(?i)(?<![a-z])(a\\.?m\\.?|p\\.?m\\.?)(?![a-z])");
  private static final Pattern ISO = Pattern.compile("^\\s*\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");

  private TimeNormaliser() {}

  static EventTime normalise(
      Optional<ReportedTime> reported, Optional<ZoneId> region, ClockFormat format) {
    if (reported.isEmpty()) {
      return new EventTime(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          region,
          Optional.empty(),
          List.of(),
          Set.of(TimeFlag.TIME_MISSING));
    }
    ReportedTime t = reported.get();
    LocalDateTime local = t.local();
    Set<TimeFlag> flags = EnumSet.noneOf(TimeFlag.class);
    List<LocalDateTime> readings = new ArrayList<>();
    readings.add(local);
    if (twelveHourAmbiguous(t.raw(), local, format)) {
      flags.add(TimeFlag.TWELVE_HOUR_AMBIGUOUS);
      readings.add(local.getHour() == 12 ? local.minusHours(12) : local.plusHours(12));
    }
    List<Instant> candidates = new ArrayList<>();
    if (t.offset().isPresent()) {
      ZoneOffset off = t.offset().get();
      region.ifPresent(
          z -> {
            if (!z.getRules().isValidOffset(local, off)) {
              flags.add(TimeFlag.OFFSET_NOT_IN_ZONE);
            }
          });
      for (LocalDateTime l : readings) {
        candidates.add(l.toInstant(off));
      }
    } else if (region.isPresent()) {
      flags.add(TimeFlag.ZONE_FROM_CONFIG);
      ZoneRules rules = region.get().getRules();
      for (LocalDateTime l : readings) {
        ZoneOffsetTransition tr = rules.getTransition(l);
        if (tr == null) {
          candidates.add(l.toInstant(rules.getOffset(l)));
        } else {
          flags.add(tr.isGap() ? TimeFlag.DST_GAP : TimeFlag.DST_OVERLAP);
          // Both readings: the clock before the change, and after it.
          candidates.add(l.toInstant(tr.getOffsetBefore()));
          candidates.add(l.toInstant(tr.getOffsetAfter()));
        }
      }
    } else {
      flags.add(TimeFlag.ZONE_MISSING);
    }
    Optional<Instant> instant =
        candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    return new EventTime(
        Optional.of(t.raw()),
        Optional.of(local),
        t.offset(),
        region,
        instant,
        candidates.stream().distinct().sorted().toList(),
        flags);
  }

  static boolean twelveHourAmbiguous(String raw, LocalDateTime local, ClockFormat format) {
    int h = local.getHour();
    if (h < 1 || h > 12 || MERIDIEM.matcher(raw).find()) {
      return false;
    }
    return switch (format) {
      case TWENTY_FOUR_HOUR -> false;
      case TWELVE_HOUR -> true;
      case UNKNOWN -> !ISO.matcher(raw).matches();
    };
  }
}
