package org.tiptrace.legal;

import java.util.Objects;

/**
 * A rule file that cannot be used. The message reads {@code source:line: key: reason}; the parts
 * are also available apart, for callers that show them in a form or an API answer.
 */
public final class RuleSetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String key;
  private final String reason;

  /**
   * @param line 1-based line of the offending value, 0 when unknown
   * @param key the path of the offending key ({@code jurisdictions.US-CA9.mode}), empty for the
   *     whole file
   */
  public RuleSetException(String source, int line, String key, String reason) {
    super(message(source, line, key, reason));
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.key = Objects.requireNonNull(key, "key");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public RuleSetException(String source, int line, String key, String reason, Throwable cause) {
    super(message(source, line, key, reason), cause);
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.key = Objects.requireNonNull(key, "key");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  private static String message(String source, int line, String key, String reason) {
    return source
        + (line > 0 ? ":" + line : "")
        + ": "
        + (key.isEmpty() ? "" : key + ": ")
        + reason;
  }

  /** The file or name the rules were read from. */
  public String source() {
    return source;
  }

  /** The 1-based line, 0 when unknown. */
  public int line() {
    return line;
  }

  public String key() {
    return key;
  }

  public String reason() {
    return reason;
  }
}
