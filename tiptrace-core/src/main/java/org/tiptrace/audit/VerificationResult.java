package org.tiptrace.audit;

import java.util.Optional;
import org.tiptrace.tip.Sha256;

/**
 * What {@link AuditVerifier} found.
 *
 * @param entriesChecked entries read and checked up to the first break (all of them when intact)
 * @param head the last entry that verified: sequence and hash ({@link AuditChain#GENESIS} at
 *     sequence 0 for an empty log). Anchor it outside the database to detect a later cut-off tail.
 * @param firstBreak the first broken entry, empty when the whole chain verifies
 */
public record VerificationResult(
    long entriesChecked, AuditLog.ChainHead head, Optional<Break> firstBreak) {

  public boolean intact() {
    return firstBreak.isEmpty();
  }

  /** Why an entry does not verify. */
  public enum Reason {
    /** Its fields no longer give its stored hash: edited. */
    EDITED,
    /** Its sequence number skips ahead: entries before it were deleted. */
    DELETED,
    /**
     * It does not chain to the entry before it, or its sequence number is not the next one: entries
     * were reordered or inserted.
     */
    REORDERED,
    /** The log ends before the head it recorded: entries at the end were deleted. */
    TRUNCATED,
    /** A stored value no build writes (an unknown action, a malformed hash): edited. */
    UNREADABLE,
    /** Written in a format version this build cannot check. */
    UNKNOWN_FORMAT
  }

  /**
   * The first entry that does not verify.
   *
   * @param sequence its sequence number as stored (for {@link Reason#TRUNCATED}: the recorded
   *     head's)
   * @param action its action as stored, empty for {@link Reason#TRUNCATED}
   * @param message what was expected and what was found
   */
  public record Break(long sequence, Optional<AuditAction> action, Reason reason, String message) {}

  /** The head hash, for printing. */
  public Sha256 headHash() {
    return head.hash();
  }
}
