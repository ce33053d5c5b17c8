package org.tiptrace.tip;

/** Which user block of a report a {@link ReportedUser} came from. */
public enum UserRole {
  /** {@code personOrUserReported} / {@code reportedPeople}. */
  REPORTED,
  /** {@code intendedRecipient} / {@code intendedRecipients}. */
  INTENDED_RECIPIENT,
  /** {@code victim}. */
  VICTIM
}
