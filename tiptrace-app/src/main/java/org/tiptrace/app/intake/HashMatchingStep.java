package org.tiptrace.app.intake;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEvent;
import org.tiptrace.audit.AuditLog;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.evidence.FileHashing;
import org.tiptrace.hash.content.ComputedHashes;
import org.tiptrace.hash.content.ContentHasher;
import org.tiptrace.hash.sets.TipMatching;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipRepository;

/**
 * The hash matching step of ingest: first hashes the bytes Tiptrace holds of the tip's files and
 * has not hashed yet (hotline uploads; see {@link FileHashing}), recording one audit entry per file
 * hashed, then matches every file against the enabled hash sets, by its reported and its computed
 * hashes, and stores the matches, replacing earlier ones. Runs after {@link IpEnrichment}. With no
 * sets loaded every file is stored as "not checked", never as "no match".
 */
public final class HashMatchingStep implements TipStep {
  /** The audit actor of hashes computed by the step itself, not on a person's request. */
  public static final String ACTOR = "tiptrace:hash-step";

  private final TipMatching matching;
  private final FileHashing hashing;
  private final TipRepository tips;
  private final AuditLog audit;

  public HashMatchingStep(
      TipMatching matching, FileHashing hashing, TipRepository tips, AuditLog audit) {
    this.matching = Objects.requireNonNull(matching, "matching");
    this.hashing = Objects.requireNonNull(hashing, "hashing");
    this.tips = Objects.requireNonNull(tips, "tips");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  public static HashMatchingStep of(TiptraceBackend backend, Clock clock) {
    return new HashMatchingStep(
        new TipMatching(backend.hashSets(), backend.tips(), clock),
        fileHashing(backend, clock),
        backend.tips(),
        backend.auditLog());
  }

  /** Hashing of the bytes the backend holds, stored with the hash matches. */
  public static FileHashing fileHashing(TiptraceBackend backend, Clock clock) {
    return new FileHashing(
        backend.archive(),
        backend.evidence().contents(),
        backend.hashSets(),
        new ContentHasher(),
        clock);
  }

  public TipMatching matching() {
    return matching;
  }

  @Override
  public void changed(AgencyId agency, TipId tip) {
    computeMissing(agency, tip, ACTOR);
    matching.matchAndStore(agency, tip);
  }

  @Override
  public void seenAgain(AgencyId agency, TipId tip) {
    if (computeMissing(agency, tip, ACTOR).isEmpty()) {
      matching.matchIfMissing(agency, tip);
    } else {
      matching.matchAndStore(agency, tip);
    }
  }

  /**
   * Hashes the bytes of the tip's files not hashed yet, with one {@link
   * AuditAction#FILE_HASHES_COMPUTED} entry per file in {@code actor}'s name.
   */
  public List<FileHashing.Computed> computeMissing(AgencyId agency, TipId id, String actor) {
    Optional<Tip> tip = tips.find(agency, id);
    if (tip.isEmpty()) {
      return List.of();
    }
    List<FileHashing.Computed> done = hashing.computeMissing(tip.get());
    for (FileHashing.Computed c : done) {
      audit.append(
          new AuditEvent(
              actor,
              Optional.of(agency),
              AuditAction.FILE_HASHES_COMPUTED,
              AuditSubjectType.FILE,
              id.value() + "/" + c.file().ref(),
              describe(c.hashes())));
    }
    return done;
  }

  /** The audit detail: which bytes, what was computed; never content. */
  static String describe(ComputedHashes h) {
    StringBuilder b = new StringBuilder("sha256=").append(h.sha256().hex());
    b.append(" size=").append(h.size());
    h.digests().forEach(d -> b.append(' ').append(d.algorithm()).append("=computed"));
    b.append(" pdq=").append(h.pdq().status());
    h.pdq().quality().ifPresent(q -> b.append(" quality=").append(q));
    return b.toString();
  }
}
