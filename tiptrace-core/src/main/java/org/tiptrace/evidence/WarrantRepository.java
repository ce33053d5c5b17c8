package org.tiptrace.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * Storage of warrant records; implemented by {@code tiptrace-store}. Append-only: a recorded
 * warrant is never changed or removed. Scoped by agency like every repository.
 */
public interface WarrantRepository {

  /**
   * Records a warrant for the agency's tip; empty, and nothing stored, when the tip is not the
   * agency's.
   */
  Optional<Warrant> record(
      AgencyId agency, TipId tip, WarrantRequest request, String recordedBy, Instant recordedAt);

  /** The tip's warrants, oldest first; empty for another agency's tip. */
  List<Warrant> forTip(AgencyId agency, TipId tip);
}
