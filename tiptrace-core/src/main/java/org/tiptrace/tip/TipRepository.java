package org.tiptrace.tip;

import java.time.Instant;
import java.util.Optional;

/**
 * Storage of tips; implemented by {@code tiptrace-store}. Every method takes the agency and sees
 * only that agency's tips: there is deliberately no unscoped lookup.
 *
 * <p>Idempotency: a source document (by SHA-256) belongs to at most one tip per agency. {@link
 * #insertIfAbsent} and {@link #attachFile} are atomic and return the existing tip instead of
 * creating a second one, also when two callers race.
 */
public interface TipRepository {

  /** The tip and whether this call created it (false: the source was already stored). */
  record Stored(Tip tip, boolean created) {}

  Stored insertIfAbsent(AgencyId agency, Sha256 source, Instant receivedAt, Report report);

  /**
   * Adds a file to an existing tip, recording {@code source} as one of its documents. Returns the
   * updated tip with {@code created = false} when this source was already attached.
   */
  Stored attachFile(AgencyId agency, TipId tip, Sha256 source, ReportedFile file);

  Optional<Tip> find(AgencyId agency, TipId id);

  /**
   * The agency's tips among {@code ids} (those that exist and are the agency's), by id: one read
   * for a page of tips where {@link #find} would be one per tip (re-matching reads every tip).
   */
  default java.util.Map<TipId, Tip> findAll(AgencyId agency, java.util.Collection<TipId> ids) {
    java.util.Map<TipId, Tip> out = new java.util.LinkedHashMap<>();
    for (TipId id : ids) {
      find(agency, id).ifPresent(t -> out.put(id, t));
    }
    return out;
  }

  /** The tip a document (report or fileDetails) was stored in. */
  Optional<Tip> findBySource(AgencyId agency, Sha256 source);

  Optional<Tip> findByCybertipReportId(AgencyId agency, String cybertipReportId);

  Page<TipSummary> list(AgencyId agency, TipQuery query);

  long count(AgencyId agency);
}
