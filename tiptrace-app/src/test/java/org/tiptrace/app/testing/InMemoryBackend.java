package org.tiptrace.app.testing;

import org.tiptrace.app.system.TiptraceBackend;

/** In-memory storage; {@link #close()} only records that it was called. */
public final class InMemoryBackend implements TiptraceBackend {
  private final InMemoryRawArchive archive = new InMemoryRawArchive();
  private final InMemoryTipRepository tips = new InMemoryTipRepository();
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
  public void close() {
    closed.incrementAndGet();
  }

  public int closeCount() {
    return closed.get();
  }
}
