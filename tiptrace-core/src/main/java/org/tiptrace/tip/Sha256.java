package org.tiptrace.tip;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A SHA-256 digest in lower-case hex: the address of a document in the raw archive. */
public record Sha256(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public Sha256 {
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a lower-case SHA-256 hex digest: '" + hex + "'");
    }
  }

  public static Sha256 of(byte[] bytes) {
    try {
      return new Sha256(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return hex;
  }
}
