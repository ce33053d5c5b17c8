package org.tiptrace.legal;

/**
 * The recorded fact a gate rule accepts as the reason to open a file; {@link #NONE} is the blocking
 * rule. Only these can open a file: no score, model or role.
 */
public enum GateBasis {
  /** A person at the ESP viewed this exact file (or, for EXIF, its EXIF). */
  ESP_VIEWED,
  /** The ESP reported the file as publicly available. */
  PUBLICLY_AVAILABLE,
  /** A recorded warrant lists this file id. */
  WARRANT,
  /**
   * The file matched a known-abuse hash set (the platform's automated private search). Accepted
   * only by a jurisdiction entry that counsel relaxed ({@link GateMode#RELAXED}); never by default.
   */
  KNOWN_ABUSE_HASH_MATCH,
  /** Nothing opens it: the blocking rule. */
  NONE
}
