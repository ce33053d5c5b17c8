package org.tiptrace.hash.pdq;

import java.io.IOException;

/** The JDK's image decoders cannot read a file (for example WebP): no hash could be computed. */
public final class PdqDecodeException extends IOException {

  public PdqDecodeException(String message) {
    super(message);
  }
}
