package org.tiptrace.intake;

/**
 * How strictly a document is read (shared/reference/cybertip-esp-xml.md §7).
 *
 * <ul>
 *   <li>{@link #TOLERANT}: for received tips. Any child order; unknown elements or keys are kept
 *       and reported as warnings. Unknown enumeration values, invalid IPs and malformed documents
 *       are still errors.
 *   <li>{@link #STRICT}: for the hotline API. The schema's element order, cardinality and
 *       enumerations are enforced; annotation flags may not be {@code false}; not both meme forms;
 *       the documented "at least one internetDetails" rule.
 * </ul>
 */
public enum ParseMode {
  TOLERANT,
  STRICT
}
