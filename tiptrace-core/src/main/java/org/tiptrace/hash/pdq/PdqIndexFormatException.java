package org.tiptrace.hash.pdq;

import java.io.IOException;

/**
 * A PDQ index snapshot is not one, is of an unknown version, is truncated or fails its checksum.
 */
public final class PdqIndexFormatException extends IOException {

  public PdqIndexFormatException(String message) {
    super(message);
  }

  public PdqIndexFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
