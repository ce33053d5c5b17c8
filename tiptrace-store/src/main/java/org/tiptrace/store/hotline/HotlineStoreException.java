package org.tiptrace.store.hotline;

import org.jspecify.annotations.Nullable;

/** A hotline store operation failed; the message names the operation, the cause is kept. */
public final class HotlineStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HotlineStoreException(String operation, @Nullable Throwable cause) {
    super("hotline store: could not " + operation, cause);
  }
}
