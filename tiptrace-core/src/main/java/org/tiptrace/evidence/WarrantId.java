package org.tiptrace.evidence;

/** The store's id of a recorded warrant. */
public record WarrantId(long value) {
  public WarrantId {
    if (value <= 0) {
      throw new IllegalArgumentException("warrant id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
