package org.tiptrace.app.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tiptrace.app.cli.AgencyTriage;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.link.Linker;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;

/**
 * One agency's stored tips, their stored IP assessments and a {@link Linker} rebuilt from them,
 * read for one page view. The linker sees only this agency's tips (as {@link AgencyTriage} builds
 * it), so nothing of another agency can reach a page through it.
 */
@Component
final class AgencyData {
  private final TiptraceBackend backend;

  AgencyData(TiptraceBackend backend) {
    this.backend = backend;
  }

  Snapshot load(AgencyId agency) {
    List<Tip> tips = AgencyTriage.loadTips(backend.tips(), agency);
    Map<TipId, AssessmentRepository.Stored> assessments = new LinkedHashMap<>();
    for (Tip t : tips) {
      backend.ipAssessments().find(agency, t.id()).ifPresent(s -> assessments.put(t.id(), s));
    }
    return new Snapshot(agency, tips, assessments);
  }

  /** What one page view reads. The linker is rebuilt on first use only. */
  static final class Snapshot {
    private final AgencyId agency;
    private final List<Tip> tips;
    private final Map<TipId, AssessmentRepository.Stored> assessments;
    private Optional<AgencyTriage> triage = Optional.empty();

    Snapshot(AgencyId agency, List<Tip> tips, Map<TipId, AssessmentRepository.Stored> stored) {
      this.agency = agency;
      this.tips = List.copyOf(tips);
      this.assessments = Map.copyOf(stored);
    }

    AgencyId agency() {
      return agency;
    }

    /** Ascending by id. */
    List<Tip> tips() {
      return tips;
    }

    Optional<Tip> tip(TipId id) {
      return tips.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    Optional<AssessmentRepository.Stored> assessments(TipId id) {
      return Optional.ofNullable(assessments.get(id));
    }

    /** Every stored assessment of every tip, in tip order: (tip, one assessment's JSON). */
    List<Map.Entry<Tip, JsonNode>> allAssessments() {
      List<Map.Entry<Tip, JsonNode>> out = new ArrayList<>();
      for (Tip t : tips) {
        AssessmentRepository.Stored s = assessments.get(t.id());
        if (s != null) {
          for (JsonNode a : s.assessments()) {
            out.add(Map.entry(t, a));
          }
        }
      }
      return out;
    }

    /** The agency's tips with link signals (IP signals "not checked"). */
    AgencyTriage triage() {
      if (triage.isEmpty()) {
        triage = Optional.of(AgencyTriage.of(agency, tips, Optional.empty()));
      }
      return triage.get();
    }

    Linker linker() {
      return triage().linker();
    }
  }
}
