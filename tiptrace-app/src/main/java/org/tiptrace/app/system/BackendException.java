package org.tiptrace.app.system;

/** Storage could not be opened or used; the message says which database and why. */
public final class BackendException extends RuntimeException {
  public BackendException(String message) {
    super(message);
  }

  public BackendException(String message, Throwable cause) {
    super(message, cause);
  }
}
