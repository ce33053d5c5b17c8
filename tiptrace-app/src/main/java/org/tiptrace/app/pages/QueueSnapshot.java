package org.tiptrace.app.pages;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tiptrace.tip.TipId;
import org.tiptrace.triage.ScoreLine;
import org.tiptrace.triage.Tier;

/**
 * One agency's scored queue.
 *
 * @param rulesVersion the triage rules' version that scored it
 * @param scoredAt when it was scored
 * @param ipSignals where the IP signals came from, in words (stored assessments or not checked)
 * @param entries in work order
 */
public record QueueSnapshot(
    String rulesVersion, Instant scoredAt, String ipSignals, List<Entry> entries) {
  public QueueSnapshot {
    entries = List.copyOf(entries);
  }

  /**
   * One tip in the queue.
   *
   * @param countries ISO country codes the tip points to (ESP estimated locations, addresses);
   *     empty when none is reported, which is "unknown", not "none"
   * @param flags the report's annotations and "high priority" when the ESP escalated it
   * @param deadline the earliest attribution deadline that can still be met
   */
  public record Entry(
      TipId tip,
      Optional<String> cybertipReportId,
      Optional<String> incidentType,
      Instant receivedAt,
      Tier tier,
      int score,
      Optional<Instant> deadline,
      List<ScoreLine> lines,
      List<String> reasons,
      List<String> notes,
      Set<String> countries,
      Set<String> flags) {
    public Entry {
      lines = List.copyOf(lines);
      reasons = List.copyOf(reasons);
      notes = List.copyOf(notes);
      countries = Set.copyOf(countries);
      flags = Set.copyOf(flags);
    }
  }
}
