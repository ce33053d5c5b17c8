package org.tiptrace.hash.sets;

/** A category map that cannot be used; the message names the file, the line and the reason. */
public final class CategoryMapException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  public CategoryMapException(String file, int line, String reason) {
    super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    this.file = file;
    this.line = line;
  }

  public CategoryMapException(String file, int line, String reason, Throwable cause) {
    super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  /** 1-based; 0 when the error has no line (an unreadable file). */
  public int line() {
    return line;
  }
}
