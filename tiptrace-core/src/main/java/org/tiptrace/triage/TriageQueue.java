package org.tiptrace.triage;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tiptrace.tip.AgencyId;

/**
 * Work-queue order: tier (1 first, informational last), then the earliest attribution deadline
 * (none last), then score (highest first), then tip id (so the order is total and stable).
 */
public final class TriageQueue {
  private static final Comparator<Optional<Instant>> DEADLINE =
      Comparator.comparing(
          (Optional<Instant> d) -> d.orElse(Instant.MAX), Comparator.naturalOrder());

  /** The queue order. */
  public static final Comparator<TriageResult> ORDER =
      Comparator.comparingInt((TriageResult r) -> r.tier().rank())
          .thenComparing(TriageResult::deadline, DEADLINE)
          .thenComparing(Comparator.comparingInt(TriageResult::score).reversed())
          .thenComparingLong(r -> r.tip().value());

  private TriageQueue() {}

  /** One agency's queue: its own tips only, in {@link #ORDER}. */
  public static List<TriageResult> build(AgencyId agency, Collection<TriageResult> results) {
    return results.stream().filter(r -> r.agency().equals(agency)).sorted(ORDER).toList();
  }
}
