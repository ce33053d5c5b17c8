package org.tiptrace.triage;

/**
 * What hash matching ({@code org.tiptrace.hash}) says about one file. {@link #NOT_CHECKED} is never
 * read as "no match": it scores as unknown and is named in the explanation.
 */
public enum HashVerdict {
  /** Matched a known CSAM hash set (known material, already in a victim-identification bank). */
  MATCHED_KNOWN,
  /** Matched an allow-list or known-good set (meme bank, negative bank). */
  MATCHED_KNOWN_GOOD,
  /** Checked against every configured set, no match: possibly new material, a child to find. */
  UNMATCHED_POSSIBLE_NEW,
  /** Not checked (no hash set loaded, no usable hash): unknown. */
  NOT_CHECKED
}
