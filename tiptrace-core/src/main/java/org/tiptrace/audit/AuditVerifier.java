package org.tiptrace.audit;

import java.util.List;
import java.util.Optional;
import org.tiptrace.audit.AuditLog.ChainHead;
import org.tiptrace.audit.VerificationResult.Break;
import org.tiptrace.audit.VerificationResult.Reason;
import org.tiptrace.tip.Sha256;

/**
 * Recomputes the audit chain ({@link AuditChain}) from the genesis value, page by page, and stops
 * at the first entry that does not verify.
 *
 * <p>Checks per entry, in this order, so the reason names the likeliest tampering:
 *
 * <ol>
 *   <li>sequence number: higher than the next expected one means deleted entries ({@link
 *       Reason#DELETED}); lower means an inserted or reordered one ({@link Reason#REORDERED});
 *   <li>previous hash equals the hash of the entry before: else reordered or inserted;
 *   <li>recomputed hash equals the stored one: else the entry was edited ({@link Reason#EDITED}).
 * </ol>
 *
 * After the last entry, the head the log recorded must be the last verified entry (else {@link
 * Reason#TRUNCATED}). A rewritten chain with a rewritten head still verifies: compare {@link
 * VerificationResult#head()} with a head anchored elsewhere.
 */
public final class AuditVerifier {
  private final AuditLog log;
  private final int pageSize;

  public AuditVerifier(AuditLog log) {
    this(log, 1_000);
  }

  AuditVerifier(AuditLog log, int pageSize) {
    if (pageSize < 1 || pageSize > AuditLog.MAX_PAGE) {
      throw new IllegalArgumentException(
          "page size must be 1.." + AuditLog.MAX_PAGE + ", was " + pageSize);
    }
    this.log = log;
    this.pageSize = pageSize;
  }

  public VerificationResult verify() {
    long expected = 1;
    Sha256 previous = AuditChain.GENESIS;
    long checked = 0;
    long after = 0;
    while (true) {
      List<AuditEntry> page;
      try {
        page = log.read(after, pageSize);
      } catch (AuditLog.UnreadableEntryException e) {
        // Entries of this page before the unreadable one are not checked; it is named regardless.
        return new VerificationResult(
            checked,
            new ChainHead(expected - 1, previous),
            Optional.of(
                new Break(e.sequence(), Optional.empty(), Reason.UNREADABLE, e.getMessage())));
      }
      for (AuditEntry e : page) {
        checked++;
        Optional<Break> broken = check(e, expected, previous);
        if (broken.isPresent()) {
          return new VerificationResult(checked, new ChainHead(expected - 1, previous), broken);
        }
        expected++;
        previous = e.hash();
        after = e.sequence();
      }
      if (page.size() < pageSize) {
        break;
      }
    }
    ChainHead head = new ChainHead(expected - 1, previous);
    Optional<ChainHead> recorded = log.recordedHead();
    if (recorded.isPresent() && !recorded.get().equals(head)) {
      ChainHead r = recorded.get();
      return new VerificationResult(
          checked,
          head,
          Optional.of(
              new Break(
                  r.sequence(),
                  Optional.empty(),
                  Reason.TRUNCATED,
                  "the log recorded head "
                      + r.sequence()
                      + " ("
                      + r.hash()
                      + ") but the chain ends at "
                      + head.sequence()
                      + " ("
                      + head.hash()
                      + ")")));
    }
    return new VerificationResult(checked, head, Optional.empty());
  }

  private static Optional<Break> check(AuditEntry e, long expected, Sha256 previous) {
    Optional<AuditAction> action = Optional.of(e.action());
    if (e.sequence() > expected) {
      return Optional.of(
          new Break(
              e.sequence(),
              action,
              Reason.DELETED,
              "expected sequence "
                  + expected
                  + " but found "
                  + e.sequence()
                  + ": "
                  + (e.sequence() - expected)
                  + " entries before it are missing"));
    }
    if (e.sequence() < expected) {
      return Optional.of(
          new Break(
              e.sequence(),
              action,
              Reason.REORDERED,
              "expected sequence " + expected + " but found " + e.sequence() + " (out of order)"));
    }
    if (!e.previousHash().equals(previous)) {
      return Optional.of(
          new Break(
              e.sequence(),
              action,
              Reason.REORDERED,
              "previous hash "
                  + e.previousHash()
                  + " is not the hash "
                  + previous
                  + " of the entry before: entries were reordered or inserted"));
    }
    if (!AuditChain.supports(e.formatVersion())) {
      return Optional.of(
          new Break(
              e.sequence(),
              action,
              Reason.UNKNOWN_FORMAT,
              "format version " + e.formatVersion() + " cannot be checked by this version"));
    }
    Sha256 recomputed = AuditChain.hash(e);
    if (!recomputed.equals(e.hash())) {
      return Optional.of(
          new Break(
              e.sequence(),
              action,
              Reason.EDITED,
              "stored hash "
                  + e.hash()
                  + " but its fields hash to "
                  + recomputed
                  + ": the entry was edited"));
    }
    return Optional.empty();
  }
}
