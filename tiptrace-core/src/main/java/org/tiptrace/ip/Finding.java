package org.tiptrace.ip;

/**
 * One rule's answer for one capture.
 *
 * @param detail plain words for the investigator (what was checked, against which data)
 */
public record Finding(AttributionRule rule, Result result, String detail) {

  /** How the rule came out. */
  public enum Result {
    /** Checked, no objection. */
    PASS,
    /** Checked, noted; lowers confidence but does not block. */
    FLAG,
    /** Checked, blocks a subscriber request. */
    BLOCK,
    /** Could not be checked (data missing or instant unknown): never read as "no match". */
    NOT_CHECKED
  }
}
