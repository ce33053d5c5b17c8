package org.tiptrace.app.subjects;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tiptrace.link.Association;
import org.tiptrace.link.DeconflictionNotice;
import org.tiptrace.link.Evidence;
import org.tiptrace.link.Hold;
import org.tiptrace.link.Identifier;
import org.tiptrace.link.LinkStore;
import org.tiptrace.link.PersonIdentifiers;
import org.tiptrace.link.PersonRef;
import org.tiptrace.link.StoredSubject;
import org.tiptrace.link.SubjectId;
import org.tiptrace.link.SubjectView;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * Stored subjects as one agency may see them: its own members, tips and their identifiers; evidence
 * and associations worded without other agencies' tip ids; other agencies' holds as deconfliction
 * notices. A subject with none of the agency's tips does not exist for it. Shared by the API and
 * the CLI, so both print the same document.
 */
public final class AgencySubjects {
  private final LinkStore links;

  public AgencySubjects(LinkStore links) {
    this.links = links;
  }

  /** The subject document for the agency, or empty (unknown id, or none of its tips). */
  public Optional<Map<String, Object>> document(AgencyId agency, String idText) {
    SubjectId id;
    try {
      id = SubjectId.parse(idText.strip());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Optional<StoredSubject> found = links.subject(id);
    if (found.isEmpty() || !found.get().visibleTo(agency)) {
      return Optional.empty();
    }
    return Optional.of(document(agency, found.get()));
  }

  /** The subject of a person of the agency's tips, if linked. */
  public Optional<SubjectId> subjectOf(AgencyId agency, PersonRef person) {
    return links
        .subjectOf(person)
        .filter(s -> links.subject(s).map(x -> x.visibleTo(agency)).orElse(false));
  }

  private Map<String, Object> document(AgencyId agency, StoredSubject stored) {
    Set<TipId> tips = new HashSet<>(stored.subject().tips());
    List<Hold> holds = links.holds().stream().filter(h -> tips.contains(h.tip())).toList();
    SubjectView v = SubjectView.of(agency, stored.subject(), stored.tipAgencies()::get, holds);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id().toString());
    m.put("urlId", v.id().urlId());
    m.put("viewer", agency.code());
    m.put("members", v.members().stream().map(PersonRef::toString).toList());
    m.put("tips", v.tips().stream().map(TipId::value).toList());
    m.put("identifiers", identifiers(v));
    m.put("evidence", v.evidence());
    m.put("otherAgencyTips", v.otherAgencyTips());
    m.put("associations", associations(agency, stored, v.tips()));
    m.put("deconfliction", v.deconfliction().stream().map(DeconflictionNotice::message).toList());
    m.put("reviewFlags", v.reviewFlags());
    return m;
  }

  /** The identifiers of the agency's own members, each with the persons holding it. */
  private List<Map<String, Object>> identifiers(SubjectView v) {
    Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    Set<PersonRef> members = new HashSet<>(v.members());
    for (TipId t : v.tips()) {
      for (PersonIdentifiers p : links.persons(t)) {
        if (!members.contains(p.person())) {
          continue;
        }
        for (Identifier i : p.identifiers()) {
          Map<String, Object> e =
              byKey.computeIfAbsent(
                  i.key(),
                  k -> {
                    Map<String, Object> n = new LinkedHashMap<>();
                    n.put("kind", i.kind().label());
                    n.put("value", i.display());
                    n.put("strength", i.strength().name());
                    n.put("persons", new ArrayList<String>());
                    return n;
                  });
          @SuppressWarnings("unchecked")
          List<String> persons = (List<String>) e.get("persons");
          persons.add(p.person().toString());
        }
      }
    }
    return List.copyOf(byKey.values());
  }

  /**
   * Associations with evidence in the agency's tips. The other subject is named only when the
   * agency has tips in it; otherwise it is "a subject of another agency" and its tips are counted.
   */
  private List<Map<String, Object>> associations(
      AgencyId agency, StoredSubject stored, List<TipId> own) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Association a : stored.associations()) {
      List<String> evidence = new ArrayList<>();
      for (Evidence e : a.evidence()) {
        List<TipId> mine = e.tips().stream().filter(own::contains).toList();
        Optional<StoredSubject> other = links.subject(a.other());
        List<TipId> otherOwn =
            other
                .map(
                    o ->
                        e.tips().stream()
                            .filter(t -> agency.equals(o.tipAgencies().get(t)))
                            .toList())
                .orElse(List.of());
        List<TipId> shown = new ArrayList<>(mine);
        shown.addAll(otherOwn);
        shown.sort(Comparator.comparingLong(TipId::value));
        int others = e.tips().size() - shown.size();
        if (shown.isEmpty() || e.identifier().isEmpty()) {
          continue;
        }
        Identifier i = e.identifier().get();
        evidence.add(
            "same "
                + i.kind().label()
                + " "
                + i.display()
                + " in "
                + (shown.size() == 1 ? "tip " : "tips ")
                + String.join(", ", shown.stream().map(TipId::toString).toList())
                + (others == 0
                    ? ""
                    : " and " + others + (others == 1 ? " tip" : " tips") + " of other agencies"));
      }
      if (evidence.isEmpty()) {
        continue;
      }
      boolean visible = links.subject(a.other()).map(o -> o.visibleTo(agency)).orElse(false);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("other", visible ? a.other().toString() : "a subject of another agency");
      m.put("strength", a.strength());
      m.put("evidence", evidence);
      out.add(m);
    }
    return out;
  }
}
