package org.tiptrace.tip;

/** The {@code fileClassification} enumeration (hash-sharing MOU ESPs only). */
public enum IndustryClassification implements WireValue {
  A1("A1"),
  A2("A2"),
  B1("B1"),
  B2("B2");

  private final String wire;

  IndustryClassification(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
