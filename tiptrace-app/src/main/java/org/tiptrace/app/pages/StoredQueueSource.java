package org.tiptrace.app.pages;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.tip.Address;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.Person;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipRepository;
import org.tiptrace.tip.WireValue;
import org.tiptrace.triage.StoredTriage;
import org.tiptrace.triage.TriageResult;
import org.tiptrace.triage.TriageStore;

/**
 * The queue as the persisted triage holds it ({@link TriageStore}, written on ingest by the link
 * and triage step), in work order. Tips of the agency without a stored result (ingested by a path
 * without the step, or before triage was persisted) are linked and scored first by {@link
 * LinkTriageService#catchUp}, so the page and {@code GET /api/v1/queue} show the same results.
 * Countries and flags, which the page filters on, come from the tips themselves.
 */
@Service
final class StoredQueueSource implements InvestigatorQueue {
  private final LinkTriageService linkTriage;
  private final TriageStore triage;
  private final TipRepository tips;
  private final Clock clock;

  StoredQueueSource(LinkTriageService linkTriage, TiptraceBackend backend, Clock clock) {
    this.linkTriage = linkTriage;
    this.triage = backend.triageStore();
    this.tips = backend.tips();
    this.clock = clock;
  }

  @Override
  public QueueSnapshot snapshot(AgencyId agency) {
    int caughtUp = linkTriage.catchUp(agency);
    List<QueueSnapshot.Entry> entries = new ArrayList<>();
    Instant latest = Instant.EPOCH;
    int offset = 0;
    while (true) {
      Page<StoredTriage> page =
          triage.queue(
              agency, TriageStore.QueueQuery.page(offset, TriageStore.QueueQuery.MAX_LIMIT));
      for (StoredTriage stored : page.items()) {
        TriageResult r = stored.result();
        Optional<Tip> found = tips.find(agency, r.tip());
        if (found.isEmpty()) {
          continue;
        }
        if (stored.computedAt().isAfter(latest)) {
          latest = stored.computedAt();
        }
        entries.add(entry(found.get(), r));
      }
      offset += page.items().size();
      if (page.items().isEmpty() || offset >= page.total()) {
        break;
      }
    }
    String ip =
        "Stored triage results ("
            + entries.size()
            + " tips, the latest computed "
            + (entries.isEmpty() ? "never" : latest.toString())
            + (caughtUp > 0 ? "; " + caughtUp + " scored now, they had none" : "")
            + "): IP signals from the assessments stored at intake, \"not checked\" where none";
    return new QueueSnapshot(linkTriage.rules().version(), clock.instant(), ip, entries);
  }

  @Override
  public Optional<Explanation> explanation(AgencyId agency, TipId id) {
    Optional<Tip> tip = tips.find(agency, id);
    if (tip.isEmpty()) {
      return Optional.empty();
    }
    Optional<StoredTriage> stored = triage.find(agency, id);
    if (stored.isEmpty() && linkTriage.catchUp(agency) > 0) {
      stored = triage.find(agency, id);
    }
    return stored.map(
        s ->
            new Explanation(
                entry(tip.get(), s.result()), s.result().rulesVersion(), s.computedAt()));
  }

  private static QueueSnapshot.Entry entry(Tip tip, TriageResult r) {
    return new QueueSnapshot.Entry(
        r.tip(),
        tip.report().cybertipReportId(),
        tip.report().incidentSummary().incidentType().map(WireValue::wire),
        tip.receivedAt(),
        r.tier(),
        r.score(),
        r.deadline(),
        r.lines(),
        r.reasons(),
        r.notes(),
        countries(tip.report()),
        flags(tip.report()));
  }

  /** Upper-case country codes named by the ESP's estimated locations and the persons' addresses. */
  static Set<String> countries(Report report) {
    Set<String> out = new TreeSet<>();
    for (ReportedUser u : report.allUsers()) {
      u.estimatedLocation().flatMap(l -> l.countryCode()).ifPresent(c -> out.add(code(c)));
      for (Address a : u.person().map(Person::addresses).orElse(List.of())) {
        a.country().ifPresent(c -> out.add(code(c)));
      }
    }
    out.removeIf(String::isEmpty);
    return out;
  }

  static Set<String> flags(Report report) {
    Set<String> out = new TreeSet<>();
    report.incidentSummary().annotations().forEach(a -> out.add(a.wire()));
    if (report.incidentSummary().escalateToHighPriority().isPresent()) {
      out.add("highPriority");
    }
    return out;
  }

  private static String code(String country) {
    return country.strip().toUpperCase(Locale.ROOT);
  }
}
