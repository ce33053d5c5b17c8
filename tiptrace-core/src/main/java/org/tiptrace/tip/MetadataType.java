package org.tiptrace.tip;

/** The {@code metadataTypes} enumeration of {@code details/@type}. */
public enum MetadataType implements WireValue {
  EXIF("EXIF"),
  HASH("HASH");

  private final String wire;

  MetadataType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
