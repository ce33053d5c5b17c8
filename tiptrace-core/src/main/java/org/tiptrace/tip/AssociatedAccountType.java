package org.tiptrace.tip;

/** The {@code associatedAccountType} enumeration (one value contains a slash). */
public enum AssociatedAccountType implements WireValue {
  BILLING("Billing"),
  LINKED("Linked"),
  BUSINESS("Business"),
  CREATOR("Creator"),
  PARENT_GUARDIAN("Parent/Guardian"),
  OTHER("Other");

  private final String wire;

  AssociatedAccountType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
