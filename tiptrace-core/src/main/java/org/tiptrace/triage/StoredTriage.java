package org.tiptrace.triage;

import java.time.Instant;
import java.util.Objects;

/**
 * A tip's triage as {@link TriageStore} keeps it: the result, the signals it was computed from (so
 * a replay can score the same inputs with candidate rules without recomputing them) and when.
 */
public record StoredTriage(TriageResult result, TipSignals signals, Instant computedAt) {
  public StoredTriage {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(signals, "signals");
    Objects.requireNonNull(computedAt, "computedAt");
  }
}
