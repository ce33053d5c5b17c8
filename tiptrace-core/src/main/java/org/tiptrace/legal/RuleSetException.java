package org.tiptrace.legal;

/** A rule file that cannot be used; the message names the file, the key and the reason. */
public final class RuleSetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RuleSetException(String file, String key, String reason) {
    super(file + ": " + (key.isEmpty() ? "" : key + ": ") + reason);
  }

  public RuleSetException(String file, String key, String reason, Throwable cause) {
    super(file + ": " + (key.isEmpty() ? "" : key + ": ") + reason, cause);
  }
}
