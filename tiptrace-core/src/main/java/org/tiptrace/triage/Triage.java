package org.tiptrace.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tiptrace.tip.Tip;

/**
 * The triage facade. Pure: values in, values out; the same (tip, signals, rules) always give the
 * same result. Rules come from {@link TriageRules#defaults()} or a candidate file; signals from the
 * hash, IP and link stages ({@link TipSignals}).
 */
public final class Triage {
  private Triage() {}

  /** Scores one tip. See {@link Scorer} for the method. */
  public static TriageResult score(Tip tip, TipSignals signals, TriageRules rules) {
    return Scorer.score(tip, signals, rules);
  }

  /** Re-scores every input with both rule sets and reports the tips that change tier. */
  public static ReplayReport replay(
      List<TriageInput> inputs, TriageRules current, TriageRules candidate) {
    List<TierChange> changes = new ArrayList<>();
    for (TriageInput in : inputs) {
      TriageResult a = score(in.tip(), in.signals(), current);
      TriageResult b = score(in.tip(), in.signals(), candidate);
      if (a.tier() != b.tier()) {
        changes.add(
            new TierChange(
                in.tip().id(), a.tier(), b.tier(), a.score(), b.score(), changedLines(a, b)));
      }
    }
    changes.sort(Comparator.comparingLong(c -> c.tip().value()));
    return new ReplayReport(current.version(), candidate.version(), inputs.size(), changes);
  }

  private static List<String> changedLines(TriageResult a, TriageResult b) {
    Map<String, Integer> old = points(a);
    Map<String, Integer> neu = points(b);
    Set<String> names = new LinkedHashSet<>(old.keySet());
    names.addAll(neu.keySet());
    List<String> out = new ArrayList<>();
    for (String name : names) {
      Integer x = old.get(name);
      Integer y = neu.get(name);
      if (x == null || !x.equals(y)) {
        out.add(name + ": " + (x == null ? "-" : x) + " -> " + (y == null ? "-" : y));
      }
    }
    return out;
  }

  private static Map<String, Integer> points(TriageResult r) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (ScoreLine l : r.lines()) {
      m.merge(l.rule(), l.points(), Integer::sum);
    }
    return m;
  }
}
