package org.tiptrace.hash.sets;

/**
 * What matching says about one file. The values and their meaning are those of triage's {@code
 * HashVerdict} (same names, mapped by name where triage reads them), kept here so that the hash
 * stage does not depend on the later triage stage.
 */
public enum FileVerdict {
  /** Matched an enabled KNOWN_ABUSE set. */
  MATCHED_KNOWN,
  /** Matched a KNOWN_GOOD set and no KNOWN_ABUSE set. */
  MATCHED_KNOWN_GOOD,
  /**
   * Carries a hash of a kind that an enabled KNOWN_ABUSE set holds, and matched no abuse or
   * known-good set: possibly new material.
   */
  UNMATCHED_POSSIBLE_NEW,
  /** No enabled abuse set could be checked (no sets, or no hash of a kind they hold): unknown. */
  NOT_CHECKED
}
