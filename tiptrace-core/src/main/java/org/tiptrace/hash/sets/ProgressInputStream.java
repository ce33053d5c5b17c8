package org.tiptrace.hash.sets;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes a reader consumed and reports them every 1 MiB, for the progress bar. */
public final class ProgressInputStream extends FilterInputStream {
  private static final long STEP = 1 << 20;
  private final ReadProgress progress;
  private final long total;
  private long done;
  private long reported;

  public ProgressInputStream(InputStream in, long total, ReadProgress progress) {
    super(in);
    this.total = total;
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long s = super.skip(n);
    advance(s);
    return s;
  }

  private void advance(long n) {
    done += n;
    if (done - reported >= STEP) {
      reported = done;
      progress.read(done, total);
    }
  }

  /** Reports the final count. */
  public void finish() {
    progress.read(done, total);
  }
}
