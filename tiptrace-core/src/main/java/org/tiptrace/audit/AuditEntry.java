package org.tiptrace.audit;

import java.time.Instant;
import java.util.Optional;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;

/**
 * One entry of the audit log as stored: the event, where it sits in the chain and its hash.
 *
 * @param formatVersion the version of the canonical encoding its hash was computed over ({@link
 *     AuditChain#FORMAT_VERSION} for new entries)
 * @param sequence 1 for the first entry, then one more per entry, without gaps
 * @param previousHash the hash of entry {@code sequence - 1}, or {@link AuditChain#GENESIS}
 * @param hash {@link AuditChain#hash} of this entry
 */
public record AuditEntry(
    int formatVersion,
    long sequence,
    Instant at,
    String actor,
    Optional<AgencyId> agency,
    AuditAction action,
    AuditSubjectType subjectType,
    String subjectId,
    String detail,
    Sha256 previousHash,
    Sha256 hash) {

  /** The entry that follows {@code previousHash} at {@code sequence}, hashed. */
  public static AuditEntry chain(long sequence, Instant at, AuditEvent event, Sha256 previousHash) {
    AuditEntry unhashed =
        new AuditEntry(
            AuditChain.FORMAT_VERSION,
            sequence,
            at,
            event.actor(),
            event.agency(),
            event.action(),
            event.subjectType(),
            event.subjectId(),
            event.detail(),
            previousHash,
            AuditChain.GENESIS);
    return unhashed.withHash(AuditChain.hash(unhashed));
  }

  AuditEntry withHash(Sha256 newHash) {
    return new AuditEntry(
        formatVersion,
        sequence,
        at,
        actor,
        agency,
        action,
        subjectType,
        subjectId,
        detail,
        previousHash,
        newHash);
  }
}
