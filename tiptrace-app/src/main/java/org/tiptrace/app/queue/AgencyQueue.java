package org.tiptrace.app.queue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tiptrace.link.DeconflictionNotice;
import org.tiptrace.link.Hold;
import org.tiptrace.link.LinkStore;
import org.tiptrace.link.StoredSubject;
import org.tiptrace.link.SubjectId;
import org.tiptrace.link.SubjectView;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.TipId;
import org.tiptrace.triage.ScoreLine;
import org.tiptrace.triage.StoredTriage;
import org.tiptrace.triage.TriageStore;
import org.tiptrace.triage.TriageStore.QueueQuery;

/**
 * One agency's persisted queue, page by page, as the API and the CLI print it: each item with its
 * score lines, reasons, notes and the deconfliction notices of its subjects.
 */
public final class AgencyQueue {
  private final TriageStore triage;
  private final LinkStore links;

  public AgencyQueue(TriageStore triage, LinkStore links) {
    this.triage = triage;
    this.links = links;
  }

  /** One queue item as JSON-ready values. */
  public record Item(
      int position,
      long tip,
      String tier,
      int score,
      String deadline,
      List<Map<String, Object>> lines,
      List<String> reasons,
      List<String> notes,
      List<String> deconfliction,
      String rulesVersion,
      String computedAt) {}

  /** A page of the queue in the same envelope as {@code GET /api/v1/tips}. */
  public Page<Item> page(AgencyId agency, QueueQuery query) {
    Page<StoredTriage> stored = triage.queue(agency, query);
    List<Item> items = new ArrayList<>();
    int position = query.offset() + 1;
    List<Hold> holds = links.holds();
    for (StoredTriage s : stored.items()) {
      var r = s.result();
      items.add(
          new Item(
              position++,
              r.tip().value(),
              r.tier().name(),
              r.score(),
              r.deadline().map(Object::toString).orElse(null),
              lines(r.lines()),
              r.reasons(),
              r.notes(),
              deconfliction(agency, r.tip(), holds),
              r.rulesVersion(),
              s.computedAt().toString()));
    }
    return new Page<>(items, stored.total(), query.offset(), query.limit());
  }

  /** Other agencies' holds on the subjects of the tip: who to call, nothing else. */
  List<String> deconfliction(AgencyId agency, TipId tip, List<Hold> holds) {
    if (holds.isEmpty()) {
      return List.of();
    }
    Set<String> out = new TreeSet<>();
    for (SubjectId id : links.subjectsOfTip(tip)) {
      StoredSubject s = links.subject(id).orElse(null);
      if (s == null) {
        continue;
      }
      Set<TipId> tips = new HashSet<>(s.subject().tips());
      List<Hold> on = holds.stream().filter(h -> tips.contains(h.tip())).toList();
      SubjectView v = SubjectView.of(agency, s.subject(), s.tipAgencies()::get, on);
      v.deconfliction().stream().map(DeconflictionNotice::message).forEach(out::add);
    }
    return List.copyOf(out);
  }

  static List<Map<String, Object>> lines(List<ScoreLine> lines) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ScoreLine l : lines) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", l.rule());
      m.put("points", l.points());
      m.put("detail", l.detail());
      out.add(m);
    }
    return out;
  }
}
