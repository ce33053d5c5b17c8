package org.tiptrace.app.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

/**
 * A {@link TipRepository} in memory for tests, keeping the interface's contract: every method is
 * scoped by agency, a source digest belongs to at most one tip per agency, and insert and attach
 * are atomic (one lock) and idempotent by source. Ids are global, as a database sequence's are.
 */
public final class InMemoryTipRepository implements TipRepository {
  private record SourceKey(AgencyId agency, Sha256 source) {}

  private final Map<Long, Tip> tips = new LinkedHashMap<>();
  private final Map<SourceKey, Long> sources = new HashMap<>();
  private long nextId = 1;

  @Override
  public synchronized Stored insertIfAbsent(
      AgencyId agency, Sha256 source, Instant receivedAt, Report report) {
    Long existing = sources.get(new SourceKey(agency, source));
    if (existing != null) {
      return new Stored(tips.get(existing), false);
    }
    Tip tip = new Tip(new TipId(nextId++), agency, source, receivedAt, report);
    tips.put(tip.id().value(), tip);
    sources.put(new SourceKey(agency, source), tip.id().value());
    return new Stored(tip, true);
  }

  @Override
  public synchronized Stored attachFile(
      AgencyId agency, TipId tipId, Sha256 source, ReportedFile file) {
    Tip tip =
        find(agency, tipId)
            .orElseThrow(() -> new IllegalArgumentException("no tip " + tipId + " for " + agency));
    Long owner = sources.get(new SourceKey(agency, source));
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
    tips.put(tip.id().value(), updated);
    sources.put(new SourceKey(agency, source), tip.id().value());
    return new Stored(updated, true);
  }

  @Override
  public synchronized Optional<Tip> find(AgencyId agency, TipId id) {
    return Optional.ofNullable(tips.get(id.value())).filter(t -> t.agency().equals(agency));
  }

  @Override
  public synchronized Optional<Tip> findBySource(AgencyId agency, Sha256 source) {
    return Optional.ofNullable(sources.get(new SourceKey(agency, source))).map(tips::get);
  }

  @Override
  public synchronized Optional<Tip> findByCybertipReportId(
      AgencyId agency, String cybertipReportId) {
    return tips.values().stream()
        .filter(t -> t.agency().equals(agency))
        .filter(t -> t.report().cybertipReportId().filter(cybertipReportId::equals).isPresent())
        .findFirst();
  }

  @Override
  public synchronized Page<TipSummary> list(AgencyId agency, TipQuery query) {
    List<Tip> mine = new ArrayList<>();
    for (Tip t : tips.values()) {
      if (t.agency().equals(agency)) {
        mine.add(t);
      }
    }
    mine.sort(Comparator.comparing(Tip::receivedAt).thenComparing(t -> t.id().value()).reversed());
    List<TipSummary> items =
        mine.stream().skip(query.offset()).limit(query.limit()).map(TipSummary::of).toList();
    return new Page<>(items, mine.size(), query.offset(), query.limit());
  }

  @Override
  public synchronized long count(AgencyId agency) {
    return tips.values().stream().filter(t -> t.agency().equals(agency)).count();
  }
}
