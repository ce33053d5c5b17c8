package org.tiptrace.intake;

/** Where an archived document stands. */
public enum ArchiveStatus {
  /** Stored, not yet (or not completely) processed: a crash leaves documents here. */
  RECEIVED,
  /** Parsed and stored as (part of) a tip. */
  ACCEPTED,
  /** Rejected; its problems are kept with it. */
  QUARANTINED
}
