package org.tiptrace.app.pages;

import java.time.Instant;
import java.util.Optional;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;
import org.tiptrace.triage.TriageStore.QueueQuery;

/**
 * Where the queue page gets its data: the agency's tips scored, in work order (tier, then earliest
 * attribution deadline, then score). The one dependency of the pages on the triage's source; today
 * {@link StoredQueueSource} reads the persisted triage.
 */
public interface InvestigatorQueue {

  /**
   * One page of the agency's queue: filtered, ordered and paged by the store, with the queue's
   * totals and filter choices.
   */
  QueuePage page(AgencyId agency, QueueQuery query);

  /** The agency's whole queue now, in work order (the dashboard's backlog). */
  QueueSnapshot snapshot(AgencyId agency);

  /**
   * The stored score of one of the agency's tips, or empty (unknown, another agency's, unscored).
   */
  Optional<Explanation> explanation(AgencyId agency, TipId tip);

  /** One tip's score as stored: the lines, reasons and notes, which rules, and when. */
  record Explanation(QueueSnapshot.Entry entry, String rulesVersion, Instant computedAt) {}
}
