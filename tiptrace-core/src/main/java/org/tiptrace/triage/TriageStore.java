package org.tiptrace.triage;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.TipId;

/**
 * Per-tip triage results, agency-scoped like the tips: one current result per tip, replaced when
 * the tip is re-scored.
 */
public interface TriageStore {

  /**
   * A page of the agency's queue in {@link TriageQueue#ORDER}.
   *
   * @param tiers only these tiers; empty means every tier
   * @param withDeadline only tips with an attribution deadline (perishable evidence)
   * @param offset items to skip, >= 0
   * @param limit page size, 1..500
   */
  record QueueQuery(Set<Tier> tiers, boolean withDeadline, int offset, int limit) {
    public static final int MAX_LIMIT = 500;

    public QueueQuery {
      tiers = Set.copyOf(tiers);
      if (offset < 0) {
        throw new IllegalArgumentException("offset must be >= 0, was " + offset);
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
      }
    }

    /** Every tier, no flag. */
    public static QueueQuery page(int offset, int limit) {
      return new QueueQuery(Set.of(), false, offset, limit);
    }
  }

  /** Stores the tip's result, replacing the earlier one. */
  void replace(StoredTriage triage);

  /** The agency's current result for the tip. */
  Optional<StoredTriage> find(AgencyId agency, TipId tip);

  /** One page of the agency's queue. */
  Page<StoredTriage> queue(AgencyId agency, QueueQuery query);

  /** Every stored result of the agency, ascending by tip id (for a replay). */
  List<StoredTriage> all(AgencyId agency);
}
