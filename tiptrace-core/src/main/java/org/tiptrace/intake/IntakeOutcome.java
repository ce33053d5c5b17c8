package org.tiptrace.intake;

/** What happened to one document. */
public enum IntakeOutcome {
  /** A new tip was created. */
  ACCEPTED,
  /** A {@code fileDetails} document was added to an existing tip. */
  ATTACHED,
  /** These bytes were ingested before for this agency; nothing new was created. */
  DUPLICATE,
  /** Not accepted; archived and quarantined with its problems. */
  REJECTED
}
