package org.tiptrace.app.testing;

import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.intake.hotline.HotlineRepository;
import org.tiptrace.intake.hotline.InMemoryHotlineRepository;

/** In-memory storage; {@link #close()} only records that it was called. */
public final class InMemoryBackend implements TiptraceBackend {
  private final InMemoryRawArchive archive = new InMemoryRawArchive();
  private final InMemoryTipRepository tips = new InMemoryTipRepository();
  private final InMemoryHotlineRepository hotline = new InMemoryHotlineRepository();
  private final java.util.concurrent.atomic.AtomicInteger closed =
      new java.util.concurrent.atomic.AtomicInteger();

  @Override
  public InMemoryRawArchive archive() {
    return archive;
  }

  @Override
  public InMemoryTipRepository tips() {
    return tips;
  }

  @Override
  public HotlineRepository hotlineReports() {
    return hotline;
  }

  @Override
  public void close() {
    closed.incrementAndGet();
  }

  public int closeCount() {
    return closed.get();
  }
}
