package org.tiptrace.triage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
   * A page of the agency's queue in {@link TriageQueue#ORDER}; every filter is applied by the
   * store, before paging.
   *
   * @param tiers only these tiers; empty means every tier
   * @param withDeadline only tips with an attribution deadline (perishable evidence)
   * @param deadlineBy only tips whose attribution deadline is at or before this instant (tips
   *     without a deadline are left out)
   * @param country only tips whose {@link QueueFacets#countries()} contain this code
   * @param flag only tips whose {@link QueueFacets#flags()} contain this flag
   * @param offset items to skip, >= 0
   * @param limit page size, 1..500
   */
  record QueueQuery(
      Set<Tier> tiers,
      boolean withDeadline,
      Optional<Instant> deadlineBy,
      Optional<String> country,
      Optional<String> flag,
      int offset,
      int limit) {
    public static final int MAX_LIMIT = 500;

    public QueueQuery(Set<Tier> tiers, boolean withDeadline, int offset, int limit) {
      this(
          tiers, withDeadline, Optional.empty(), Optional.empty(), Optional.empty(), offset, limit);
    }

    public QueueQuery {
      tiers = Set.copyOf(tiers);
      Objects.requireNonNull(deadlineBy, "deadlineBy");
      Objects.requireNonNull(country, "country");
      Objects.requireNonNull(flag, "flag");
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

    /** The same filters, another page. */
    public QueueQuery at(int offset, int limit) {
      return new QueueQuery(tiers, withDeadline, deadlineBy, country, flag, offset, limit);
    }

    /**
     * Whether a stored result with these facets passes the filters: the definition the store's SQL
     * implements (and its tests compare against).
     */
    public boolean matches(TriageResult r, QueueFacets facets) {
      if (!tiers.isEmpty() && !tiers.contains(r.tier())) {
        return false;
      }
      if ((withDeadline || deadlineBy.isPresent()) && r.deadline().isEmpty()) {
        return false;
      }
      if (deadlineBy.isPresent() && r.deadline().get().isAfter(deadlineBy.get())) {
        return false;
      }
      if (country.isPresent() && !facets.countries().contains(country.get())) {
        return false;
      }
      return flag.isEmpty() || facets.flags().contains(flag.get());
    }
  }

  /**
   * One row of the investigator's queue: the stored triage, the tip's list columns and its facets,
   * read together (no per-tip lookups).
   */
  record QueueRow(
      StoredTriage triage,
      Optional<String> cybertipReportId,
      Optional<String> incidentType,
      Instant receivedAt,
      QueueFacets facets) {
    public QueueRow {
      Objects.requireNonNull(triage, "triage");
      Objects.requireNonNull(cybertipReportId, "cybertipReportId");
      Objects.requireNonNull(incidentType, "incidentType");
      Objects.requireNonNull(receivedAt, "receivedAt");
      Objects.requireNonNull(facets, "facets");
    }
  }

  /**
   * The whole queue in figures, for the page's header and filter choices.
   *
   * @param total stored results of the agency
   * @param latestComputed when the newest of them was computed; empty when there are none
   * @param countries every country code some tip of the queue points to
   * @param flags every flag some tip of the queue carries
   */
  record QueueSummary(
      long total, Optional<Instant> latestComputed, Set<String> countries, Set<String> flags) {
    public QueueSummary {
      Objects.requireNonNull(latestComputed, "latestComputed");
      countries = Set.copyOf(countries);
      flags = Set.copyOf(flags);
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

  /**
   * One page of the agency's queue with each tip's list columns and facets: filtered, ordered and
   * paged by the store, in a number of statements that does not grow with the queue; {@link
   * Page#total()} is the number of results matching the filters.
   */
  Page<QueueRow> queueRows(AgencyId agency, QueueQuery query);

  /** The agency's queue in figures. */
  QueueSummary queueSummary(AgencyId agency);

  /**
   * The agency's tips without a stored result, ascending by id (to be scored before the queue is
   * shown). Also completes, from the tips' documents, the facets of results stored before the store
   * kept them.
   */
  List<TipId> unscored(AgencyId agency);
}
