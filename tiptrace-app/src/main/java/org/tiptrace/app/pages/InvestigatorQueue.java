package org.tiptrace.app.pages;

import java.time.Instant;
import java.util.Optional;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * Where the queue page gets its data: the agency's tips scored, in work order (tier, then earliest
 * attribution deadline, then score). The one dependency of the pages on the triage's source; today
 * {@link StoredQueueSource} reads the persisted triage.
 */
public interface InvestigatorQueue {

  /** The agency's queue now, in work order. */
  QueueSnapshot snapshot(AgencyId agency);

  /**
   * The stored score of one of the agency's tips, or empty (unknown, another agency's, unscored).
   */
  Optional<Explanation> explanation(AgencyId agency, TipId tip);

  /** One tip's score as stored: the lines, reasons and notes, which rules, and when. */
  record Explanation(QueueSnapshot.Entry entry, String rulesVersion, Instant computedAt) {}
}
