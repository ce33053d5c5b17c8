package org.tiptrace.intake.hotline;

/**
 * Where a hotline report stands. {@link #OPEN} is the only state that takes uploads and fileinfo;
 * {@link #FINISHING} is the durable mark of an accepted {@code /finish} whose tip may not be
 * complete yet (see {@link HotlineService}).
 */
public enum ReportState {
  OPEN,
  FINISHING,
  FINISHED,
  RETRACTED,
  EXPIRED;

  /** True once the report can no longer change (FINISHING counts: finish is irreversible). */
  public boolean isClosed() {
    return this != OPEN;
  }
}
