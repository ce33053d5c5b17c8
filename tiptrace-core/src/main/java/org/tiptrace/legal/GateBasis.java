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
  /** Nothing opens it: the blocking rule. */
  NONE
}
