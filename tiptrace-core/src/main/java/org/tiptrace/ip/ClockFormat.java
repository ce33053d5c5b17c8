package org.tiptrace.ip;

/** How a source writes clock times, as configured per ESP. */
public enum ClockFormat {
  /** 24-hour clock: hours 1..12 are not ambiguous. */
  TWENTY_FOUR_HOUR,
  /** 12-hour clock: a value without AM/PM is ambiguous. */
  TWELVE_HOUR,
  /** Not known: ISO 8601 texts count as 24-hour, any other text with hour 1..12 is ambiguous. */
  UNKNOWN
}
