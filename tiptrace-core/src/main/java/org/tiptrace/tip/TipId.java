package org.tiptrace.tip;

/** Tiptrace's own id of a stored tip (not NCMEC's report number). */
public record TipId(long value) {
  public TipId {
    if (value <= 0) {
      throw new IllegalArgumentException("tip id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
