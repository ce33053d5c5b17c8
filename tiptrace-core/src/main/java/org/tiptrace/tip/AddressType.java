package org.tiptrace.tip;

/** The {@code addressType} enumeration. */
public enum AddressType implements WireValue {
  HOME("Home"),
  BUSINESS("Business"),
  BILLING("Billing"),
  SHIPPING("Shipping"),
  TECHNICAL("Technical");

  private final String wire;

  AddressType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
