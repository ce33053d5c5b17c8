package org.tiptrace.store;

/**
 * The database failed or could not be opened. The message names the operation (and the agency and
 * key it concerned); the driver's exception is the cause. Messages never carry a password.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
