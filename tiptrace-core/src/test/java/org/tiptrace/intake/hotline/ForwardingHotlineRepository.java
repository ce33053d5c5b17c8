package org.tiptrace.intake.hotline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tiptrace.tip.TipId;

/** Delegates every call; tests override one method to inject races or failures. */
public class ForwardingHotlineRepository implements HotlineRepository {
  private final HotlineRepository delegate;

  public ForwardingHotlineRepository(HotlineRepository delegate) {
    this.delegate = delegate;
  }

  @Override
  public HotlineReport open(Platform platform, byte[] reportXml, Instant openedAt) {
    return delegate.open(platform, reportXml, openedAt);
  }

  @Override
  public Optional<HotlineReport> find(Platform platform, long reportId) {
    return delegate.find(platform, reportId);
  }

  @Override
  public byte[] reportXml(HotlineReport report) {
    return delegate.reportXml(report);
  }

  @Override
  public List<HotlineFile> files(HotlineReport report) {
    return delegate.files(report);
  }

  @Override
  public List<FileInfoDocument> fileInfos(HotlineReport report) {
    return delegate.fileInfos(report);
  }

  @Override
  public AddFileResult addFile(HotlineReport report, HotlineFile file, int maxFiles) {
    return delegate.addFile(report, file, maxFiles);
  }

  @Override
  public boolean putFileInfo(HotlineReport report, FileInfoDocument info) {
    return delegate.putFileInfo(report, info);
  }

  @Override
  public boolean transition(HotlineReport expected, ReportState to, Instant at) {
    return delegate.transition(expected, to, at);
  }

  @Override
  public boolean finished(HotlineReport expected, TipId tip, Instant at) {
    return delegate.finished(expected, tip, at);
  }

  @Override
  public List<HotlineReport> inState(ReportState state, int limit) {
    return delegate.inState(state, limit);
  }

  @Override
  public List<HotlineReport> openExpiredAt(Instant now, int limit) {
    return delegate.openExpiredAt(now, limit);
  }
}
