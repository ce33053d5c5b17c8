package org.tiptrace.tip;

import java.util.Locale;

/**
 * Hash kinds the matcher understands. {@code originalFileHash/@hashType} is free text in the
 * schema, so anything else is {@link #OTHER} with the label kept on the {@link FileHash}.
 */
public enum HashAlgorithm {
  MD5(32),
  SHA1(40),
  SHA256(64),
  PDQ(64),
  OTHER(-1);

  private final int hexLength;

  HashAlgorithm(int hexLength) {
    this.hexLength = hexLength;
  }

  /** Expected length in hex digits, or -1 when any length is allowed. */
  public int hexLength() {
    return hexLength;
  }

  /** Reads labels such as {@code MD5}, {@code sha-1}, {@code SHA256}, {@code PDQ}. */
  public static HashAlgorithm fromLabel(String label) {
    String norm = label.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    return switch (norm) {
      case "MD5" -> MD5;
      case "SHA1" -> SHA1;
      case "SHA256" -> SHA256;
      case "PDQ", "PDQHASH" -> PDQ;
      default -> OTHER;
    };
  }
}
