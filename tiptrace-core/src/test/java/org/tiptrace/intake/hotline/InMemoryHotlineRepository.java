package org.tiptrace.intake.hotline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.TipId;

/** {@link HotlineRepository} in memory, with the same compare-and-set rules as the store. */
public final class InMemoryHotlineRepository implements HotlineRepository {
  private final Map<Long, HotlineReport> reports = new LinkedHashMap<>();
  private final Map<Long, byte[]> xml = new LinkedHashMap<>();
  private final Map<Long, List<HotlineFile>> files = new LinkedHashMap<>();
  private final Map<Long, Map<String, FileInfoDocument>> infos = new LinkedHashMap<>();
  private long sequence = 1000;

  @Override
  public synchronized HotlineReport open(Platform platform, byte[] reportXml, Instant openedAt) {
    long id = ++sequence;
    HotlineReport r =
        new HotlineReport(
            id,
            platform,
            ReportState.OPEN,
            openedAt,
            openedAt,
            0,
            Sha256.of(reportXml),
            Optional.empty(),
            Optional.empty());
    reports.put(id, r);
    xml.put(id, reportXml.clone());
    files.put(id, new ArrayList<>());
    infos.put(id, new LinkedHashMap<>());
    return r;
  }

  @Override
  public synchronized Optional<HotlineReport> find(Platform platform, long reportId) {
    return Optional.ofNullable(reports.get(reportId)).filter(r -> r.platform().equals(platform));
  }

  @Override
  public synchronized byte[] reportXml(HotlineReport report) {
    return xml.get(report.id()).clone();
  }

  @Override
  public synchronized List<HotlineFile> files(HotlineReport report) {
    return List.copyOf(files.getOrDefault(report.id(), List.of()));
  }

  @Override
  public synchronized List<FileInfoDocument> fileInfos(HotlineReport report) {
    Map<String, FileInfoDocument> byFile = infos.getOrDefault(report.id(), Map.of());
    List<FileInfoDocument> out = new ArrayList<>();
    for (HotlineFile f : files(report)) {
      FileInfoDocument d = byFile.get(f.fileId());
      if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  private boolean current(HotlineReport expected) {
    HotlineReport stored = reports.get(expected.id());
    return stored != null
        && stored.state() == expected.state()
        && stored.version() == expected.version();
  }

  private void put(HotlineReport r) {
    reports.put(r.id(), r);
  }

  @Override
  public synchronized AddFileResult addFile(HotlineReport report, HotlineFile file, int maxFiles) {
    HotlineReport stored = reports.get(report.id());
    if (stored == null || stored.state() != ReportState.OPEN) {
      return AddFileResult.NOT_OPEN;
    }
    if (files.get(report.id()).size() >= maxFiles) {
      return AddFileResult.FULL;
    }
    if (files.values().stream()
        .flatMap(List::stream)
        .anyMatch(f -> f.fileId().equals(file.fileId()))) {
      throw new IllegalStateException("duplicate fileId " + file.fileId());
    }
    files.get(report.id()).add(file);
    put(changed(stored, file.uploadedAt()));
    return AddFileResult.ADDED;
  }

  @Override
  public synchronized boolean putFileInfo(HotlineReport report, FileInfoDocument info) {
    HotlineReport stored = reports.get(report.id());
    if (stored == null || stored.state() != ReportState.OPEN) {
      return false;
    }
    if (files.get(report.id()).stream().noneMatch(f -> f.fileId().equals(info.fileId()))) {
      throw new IllegalArgumentException("no file " + info.fileId());
    }
    infos.get(report.id()).put(info.fileId(), info);
    put(changed(stored, info.receivedAt()));
    return true;
  }

  private static HotlineReport changed(HotlineReport r, Instant at) {
    return new HotlineReport(
        r.id(),
        r.platform(),
        r.state(),
        r.openedAt(),
        at.isAfter(r.lastChangeAt()) ? at : r.lastChangeAt(),
        r.version() + 1,
        r.reportSha256(),
        r.tipId(),
        r.closedAt());
  }

  @Override
  public synchronized boolean transition(HotlineReport expected, ReportState to, Instant at) {
    if (!current(expected)) {
      return false;
    }
    HotlineReport r = reports.get(expected.id());
    boolean reopen = to == ReportState.OPEN;
    put(
        new HotlineReport(
            r.id(),
            r.platform(),
            to,
            r.openedAt(),
            reopen ? at : r.lastChangeAt(),
            r.version() + 1,
            r.reportSha256(),
            r.tipId(),
            reopen ? Optional.empty() : r.closedAt().or(() -> Optional.of(at))));
    return true;
  }

  @Override
  public synchronized boolean finished(HotlineReport expected, TipId tip, Instant at) {
    if (!current(expected) || expected.state() != ReportState.FINISHING) {
      return false;
    }
    HotlineReport r = reports.get(expected.id());
    put(
        new HotlineReport(
            r.id(),
            r.platform(),
            ReportState.FINISHED,
            r.openedAt(),
            r.lastChangeAt(),
            r.version() + 1,
            r.reportSha256(),
            Optional.of(tip),
            r.closedAt().or(() -> Optional.of(at))));
    return true;
  }

  @Override
  public synchronized List<HotlineReport> inState(ReportState state, int limit) {
    return reports.values().stream()
        .filter(r -> r.state() == state)
        .sorted(Comparator.comparing(HotlineReport::openedAt).thenComparing(HotlineReport::id))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<HotlineReport> openExpiredAt(Instant now, int limit) {
    return reports.values().stream()
        .filter(r -> r.state() == ReportState.OPEN && r.isExpiredAt(now))
        .sorted(Comparator.comparing(HotlineReport::openedAt).thenComparing(HotlineReport::id))
        .limit(limit)
        .toList();
  }
}
