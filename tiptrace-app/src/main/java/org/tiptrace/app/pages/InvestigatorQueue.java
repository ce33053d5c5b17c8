package org.tiptrace.app.pages;

import org.tiptrace.tip.AgencyId;

/**
 * Where the queue page gets its data: the agency's tips scored, in work order (tier, then earliest
 * attribution deadline, then score). The one dependency of the pages on the triage's source; today
 * {@link TriageQueueSource} scores on demand, the persisted queue can replace it.
 */
public interface InvestigatorQueue {

  /** The agency's queue now, in work order. */
  QueueSnapshot snapshot(AgencyId agency);
}
