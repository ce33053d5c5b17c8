package org.tiptrace.tip;

/** The {@code fileRelevance} enumeration. */
public enum FileRelevance implements WireValue {
  REPORTED("Reported"),
  SUPPLEMENTAL_REPORTED("Supplemental Reported");

  private final String wire;

  FileRelevance(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
