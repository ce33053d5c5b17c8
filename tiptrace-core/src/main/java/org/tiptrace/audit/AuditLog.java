package org.tiptrace.audit;

import java.util.List;
import java.util.Optional;

/**
 * The port to the audit log's storage. Append-only: there is no way to change or remove an entry.
 *
 * <p>Implementations serialise {@link #append}: each entry chains to the one appended just before
 * it, so concurrent callers never fork the chain.
 */
public interface AuditLog {
  /** Largest page {@link #read} returns. */
  int MAX_PAGE = 10_000;

  /**
   * Records the event as the next entry, stamped with the log's clock, and returns it as stored.
   * Durable when it returns.
   */
  AuditEntry append(AuditEvent event);

  /**
   * Up to {@code limit} entries with a sequence number above {@code afterSequence}, in ascending
   * sequence order, exactly as stored (not checked).
   *
   * @throws UnreadableEntryException when a stored entry holds a value no build writes (an unknown
   *     action, a malformed hash): it was tampered with
   */
  List<AuditEntry> read(long afterSequence, int limit);

  /** The number of stored entries. */
  long count();

  /**
   * The head the log recorded with its last append (sequence and hash), empty when nothing was
   * appended. Kept apart from the entries, so a verifier can tell a cut-off tail from a short log.
   */
  Optional<ChainHead> recordedHead();

  /** A stored entry that cannot even be read as an entry. */
  final class UnreadableEntryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long sequence;

    public UnreadableEntryException(long sequence, String why, Throwable cause) {
      super("audit entry " + sequence + " cannot be read: " + why, cause);
      this.sequence = sequence;
    }

    public long sequence() {
      return sequence;
    }
  }

  /** The last entry of a chain: its sequence number and hash. */
  record ChainHead(long sequence, org.tiptrace.tip.Sha256 hash) {}
}
