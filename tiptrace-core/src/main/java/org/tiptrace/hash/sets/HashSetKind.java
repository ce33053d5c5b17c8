package org.tiptrace.hash.sets;

/** What a match against a set means for a file. */
public enum HashSetKind {
  /** Known abuse material (Project VIC category sets, national hash banks). */
  KNOWN_ABUSE,
  /** Known-good files (NSRL software, meme banks): a match removes a file from review queues. */
  KNOWN_GOOD,
  /** Anything else (reference or comparison sets): recorded, but neither abuse nor known-good. */
  OTHER
}
