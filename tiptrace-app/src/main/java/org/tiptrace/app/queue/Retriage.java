package org.tiptrace.app.queue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.HashSetRepository.RetriageMark;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * Consumes the re-triage marks that re-matching leaves: each marked tip is re-scored with its
 * stored hash verdicts (a new stored triage result), then its mark is cleared. Run after every
 * re-match (hash set imported, replaced or removed).
 *
 * <p>Marks are read per agency: sets are national, but each agency's marks and triage stay its own.
 * A mark is cleared only after the re-scoring that read the new matches has been stored, so a crash
 * in between leaves the mark for the next run.
 */
public final class Retriage {
  private final HashSetRepository sets;
  private final LinkTriageService service;

  /**
   * @param tips marked tips re-scored
   * @param agencies agencies that had marks
   */
  public record Outcome(int tips, int agencies) {}

  public Retriage(HashSetRepository sets, LinkTriageService service) {
    this.sets = Objects.requireNonNull(sets, "sets");
    this.service = Objects.requireNonNull(service, "service");
  }

  /** Re-scores and clears the marks of every agency that has stored tips. */
  public Outcome consumeAll() {
    Set<AgencyId> agencies = new LinkedHashSet<>();
    for (HashSetRepository.TipRef t : sets.allTips()) {
      agencies.add(t.agency());
    }
    int tips = 0;
    int withMarks = 0;
    for (AgencyId agency : agencies) {
      int n = consume(agency);
      if (n > 0) {
        tips += n;
        withMarks++;
      }
    }
    return new Outcome(tips, withMarks);
  }

  /**
   * Re-scores and clears the agency's marks.
   *
   * @return how many marked tips there were
   */
  public int consume(AgencyId agency) {
    List<RetriageMark> marks = sets.retriageMarks(agency);
    if (marks.isEmpty()) {
      return 0;
    }
    List<TipId> ids = new ArrayList<>(marks.size());
    for (RetriageMark m : marks) {
      ids.add(m.tip());
    }
    // Tips never linked (stored by a path without the link step) get linked and scored here too.
    service.catchUp(agency);
    service.rescore(ids);
    for (TipId id : ids) {
      sets.clearRetriage(agency, id);
    }
    return ids.size();
  }
}
