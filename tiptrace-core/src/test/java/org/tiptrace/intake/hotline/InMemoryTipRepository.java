package org.tiptrace.intake.hotline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipQuery;
import org.tiptrace.tip.TipRepository;
import org.tiptrace.tip.TipSummary;

/** {@link TipRepository} in memory: agency-scoped, idempotent per (agency, source), atomic. */
public final class InMemoryTipRepository implements TipRepository {
  private record Key(AgencyId agency, Sha256 source) {}

  private final Map<TipId, Tip> tips = new HashMap<>();
  private final Map<Key, TipId> sources = new HashMap<>();
  private long nextId = 1;

  /** Counts calls that created something, to prove idempotency. */
  private int creations;

  @Override
  public synchronized Stored insertIfAbsent(
      AgencyId agency, Sha256 source, Instant receivedAt, Report report) {
    TipId existing = sources.get(new Key(agency, source));
    if (existing != null) {
      return new Stored(tips.get(existing), false);
    }
    Tip tip = new Tip(new TipId(nextId++), agency, source, receivedAt, report);
    tips.put(tip.id(), tip);
    sources.put(new Key(agency, source), tip.id());
    creations++;
    return new Stored(tip, true);
  }

  @Override
  public synchronized Stored attachFile(
      AgencyId agency, TipId id, Sha256 source, ReportedFile file) {
    Tip tip = tips.get(id);
    if (tip == null || !tip.agency().equals(agency)) {
      throw new IllegalArgumentException("no tip " + id + " of agency " + agency);
    }
    TipId owner = sources.get(new Key(agency, source));
    if (owner != null) {
      return new Stored(tips.get(owner), false);
    }
    Tip updated =
        new Tip(
            tip.id(),
            tip.agency(),
            tip.source(),
            tip.receivedAt(),
            tip.report().withFiles(List.of(file)));
    tips.put(id, updated);
    sources.put(new Key(agency, source), id);
    creations++;
    return new Stored(updated, true);
  }

  @Override
  public synchronized Optional<Tip> find(AgencyId agency, TipId id) {
    return Optional.ofNullable(tips.get(id)).filter(t -> t.agency().equals(agency));
  }

  @Override
  public synchronized Optional<Tip> findBySource(AgencyId agency, Sha256 source) {
    return Optional.ofNullable(sources.get(new Key(agency, source))).map(tips::get);
  }

  @Override
  public synchronized Optional<Tip> findByCybertipReportId(
      AgencyId agency, String cybertipReportId) {
    return tips.values().stream()
        .filter(t -> t.agency().equals(agency))
        .filter(t -> t.report().cybertipReportId().equals(Optional.of(cybertipReportId)))
        .findFirst();
  }

  @Override
  public synchronized Page<TipSummary> list(AgencyId agency, TipQuery query) {
    List<Tip> all = new ArrayList<>(tips.values());
    all.removeIf(t -> !t.agency().equals(agency));
    all.sort(Comparator.comparing(Tip::receivedAt).thenComparing(t -> t.id().value()).reversed());
    List<TipSummary> items =
        all.stream().skip(query.offset()).limit(query.limit()).map(TipSummary::of).toList();
    return new Page<>(items, all.size(), query.offset(), query.limit());
  }

  @Override
  public synchronized long count(AgencyId agency) {
    return tips.values().stream().filter(t -> t.agency().equals(agency)).count();
  }

  public synchronized int creations() {
    return creations;
  }
}
