package org.tiptrace.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;

/**
 * Byte-for-byte, content-addressed storage of every received document. Implemented by the store.
 *
 * <p>Contract: {@link #store} is durable when it returns (committed), and idempotent per agency and
 * digest: storing the same bytes again returns the existing entry unchanged.
 */
public interface RawArchive {

  ArchivedDocument store(
      AgencyId agency, Sha256 sha256, String sourceName, byte[] bytes, Instant receivedAt);

  /** Records the outcome of processing; problems are kept (warnings too, for accepted ones). */
  void recordOutcome(AgencyId agency, Sha256 sha256, ArchiveStatus status, List<Problem> problems);

  Optional<ArchivedDocument> find(AgencyId agency, Sha256 sha256);

  Optional<byte[]> bytes(AgencyId agency, Sha256 sha256);

  /** Newest first. */
  List<ArchivedDocument> list(AgencyId agency, ArchiveStatus status, int limit);
}
