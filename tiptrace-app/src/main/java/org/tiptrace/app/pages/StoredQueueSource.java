package org.tiptrace.app.pages;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipRepository;
import org.tiptrace.tip.WireValue;
import org.tiptrace.triage.QueueFacets;
import org.tiptrace.triage.StoredTriage;
import org.tiptrace.triage.TriageResult;
import org.tiptrace.triage.TriageStore;
import org.tiptrace.triage.TriageStore.QueueQuery;
import org.tiptrace.triage.TriageStore.QueueRow;
import org.tiptrace.triage.TriageStore.QueueSummary;

/**
 * The queue as the persisted triage holds it ({@link TriageStore}, written on ingest by the link
 * and triage step), in work order. Tips of the agency without a stored result (ingested by a path
 * without the step, or before triage was persisted) are linked and scored first by {@link
 * LinkTriageService#catchUp}, so the page and {@code GET /api/v1/queue} show the same results.
 * Filters, order and paging run in the store ({@link TriageStore#queueRows}); countries and flags,
 * which the page filters on, are the tips' {@link QueueFacets}, stored with their triage.
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
  public QueuePage page(AgencyId agency, QueueQuery query) {
    int caughtUp = linkTriage.catchUp(agency);
    Page<QueueRow> rows = triage.queueRows(agency, query);
    QueueSummary summary = triage.queueSummary(agency);
    return new QueuePage(
        linkTriage.rules().version(),
        clock.instant(),
        ipSignals(summary.total(), summary.latestComputed(), caughtUp),
        rows.items().stream().map(StoredQueueSource::entry).toList(),
        summary.total(),
        rows.total(),
        summary.countries(),
        summary.flags());
  }

  /** The whole queue, page by page of the store: two statements a page, no per-tip lookups. */
  @Override
  public QueueSnapshot snapshot(AgencyId agency) {
    int caughtUp = linkTriage.catchUp(agency);
    List<QueueSnapshot.Entry> entries = new ArrayList<>();
    Instant latest = Instant.EPOCH;
    int offset = 0;
    while (true) {
      Page<QueueRow> page = triage.queueRows(agency, QueueQuery.page(offset, QueueQuery.MAX_LIMIT));
      for (QueueRow row : page.items()) {
        if (row.triage().computedAt().isAfter(latest)) {
          latest = row.triage().computedAt();
        }
        entries.add(entry(row));
      }
      offset += page.items().size();
      if (page.items().isEmpty() || offset >= page.total()) {
        break;
      }
    }
    return new QueueSnapshot(
        linkTriage.rules().version(),
        clock.instant(),
        ipSignals(
            entries.size(), entries.isEmpty() ? Optional.empty() : Optional.of(latest), caughtUp),
        entries);
  }

  private static String ipSignals(long count, Optional<Instant> latest, int caughtUp) {
    return "Stored triage results ("
        + count
        + " tips, the latest computed "
        + latest.map(Instant::toString).orElse("never")
        + (caughtUp > 0 ? "; " + caughtUp + " scored now, they had none" : "")
        + "): IP signals from the assessments stored at intake, \"not checked\" where none";
  }

  private static QueueSnapshot.Entry entry(QueueRow row) {
    TriageResult r = row.triage().result();
    return new QueueSnapshot.Entry(
        r.tip(),
        row.cybertipReportId(),
        row.incidentType(),
        row.receivedAt(),
        r.tier(),
        r.score(),
        r.deadline(),
        r.lines(),
        r.reasons(),
        r.notes(),
        row.facets().countries(),
        row.facets().flags());
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
    QueueFacets facets = QueueFacets.of(tip.report());
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
        facets.countries(),
        facets.flags());
  }
}
