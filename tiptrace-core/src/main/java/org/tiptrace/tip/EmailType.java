package org.tiptrace.tip;

/** The {@code emailType} enumeration. */
public enum EmailType implements WireValue {
  HOME("Home"),
  WORK("Work"),
  BUSINESS("Business"),
  RECOVERY("Recovery");

  private final String wire;

  EmailType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
