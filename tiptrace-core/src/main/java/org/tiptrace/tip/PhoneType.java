package org.tiptrace.tip;

/** The {@code phoneType} enumeration. */
public enum PhoneType implements WireValue {
  MOBILE("Mobile"),
  HOME("Home"),
  BUSINESS("Business"),
  WORK("Work"),
  FAX("Fax"),
  INTERNET("Internet"),
  RECOVERY("Recovery");

  private final String wire;

  PhoneType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
