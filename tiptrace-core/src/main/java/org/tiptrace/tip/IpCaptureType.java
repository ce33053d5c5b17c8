package org.tiptrace.tip;

/** The {@code ipCaptureType} enumeration used by {@code eventName}. */
public enum IpCaptureType implements WireValue {
  LOGIN("Login"),
  REGISTRATION("Registration"),
  PURCHASE("Purchase"),
  UPLOAD("Upload"),
  OTHER("Other"),
  UNKNOWN("Unknown");

  private final String wire;

  IpCaptureType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
