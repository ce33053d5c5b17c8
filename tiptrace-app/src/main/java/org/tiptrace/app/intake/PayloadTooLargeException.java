package org.tiptrace.app.intake;

/** A request body above the document size limit; answered with 413. */
public final class PayloadTooLargeException extends RuntimeException {
  public PayloadTooLargeException(String message) {
    super(message);
  }
}
