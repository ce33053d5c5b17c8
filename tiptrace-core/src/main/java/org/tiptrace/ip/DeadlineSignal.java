package org.tiptrace.ip;

/** Where an event stands against its ISP's retention (rule RETENTION). */
public enum DeadlineSignal {
  /** Inside retention with more than the margin left: send a preservation request. */
  WITHIN_RETENTION,
  /** Less than the margin left: preserve now. */
  PRESERVE_NOW,
  /** Past the likely deletion date (still ask if cheap). */
  LIKELY_EXPIRED,
  /** The event instant is unknown, so no deadline can be computed. */
  UNKNOWN
}
