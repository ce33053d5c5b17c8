package org.tiptrace.ip;

/** What is uncertain about an event's time (rules TZ_ZONE, TZ_12H, TZ_DST). */
public enum TimeFlag {
  /** The capture has no time at all. */
  TIME_MISSING,
  /** Neither the text nor the configuration gives a zone: the instant is unknown (TZ_ZONE). */
  ZONE_MISSING,
  /** The text had no offset; the zone region configured for the ESP or agency was applied. */
  ZONE_FROM_CONFIG,
  /**
   * The hour reads as 1..12 with no AM/PM marker and the text is either not ISO 8601 (whose clock
   * is 24-hour) or comes from a source configured as 12-hour (TZ_12H). Both readings are carried.
   */
  TWELVE_HOUR_AMBIGUOUS,
  /** The local time does not exist in the zone region (spring-forward gap, TZ_DST). */
  DST_GAP,
  /** The local time happens twice in the zone region (fall-back overlap, TZ_DST). */
  DST_OVERLAP,
  /** The stated offset is not one the configured zone region uses at that local time. */
  OFFSET_NOT_IN_ZONE
}
