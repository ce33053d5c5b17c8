package org.tiptrace.tip;

/** The {@code batchedReport/@reason} enumeration. */
public enum BatchedReportReason implements WireValue {
  VIRAL_POTENTIAL_MEME("VIRAL_POTENTIAL_MEME");

  private final String wire;

  BatchedReportReason(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
