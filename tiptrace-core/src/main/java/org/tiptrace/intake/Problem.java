package org.tiptrace.intake;

import java.util.OptionalInt;

/**
 * One thing wrong with a document, precise enough to fix it: the file, the place (line and column
 * for XML, or a JSON pointer's line), the element path or JSON pointer, and the reason.
 *
 * @param source the file name (for a zip entry: {@code archive.zip!/entry.xml})
 * @param path element path such as {@code /report/incidentSummary/incidentType}, or a JSON pointer
 *     such as {@code /reportedInformation/uploadedFiles/uploadedFiles/0/viewedByEsp}; empty when
 *     the problem concerns the whole document
 */
public record Problem(
    Severity severity,
    String source,
    OptionalInt line,
    OptionalInt column,
    String path,
    String reason) {

  public static Problem error(String source, String path, String reason) {
    return new Problem(
        Severity.ERROR, source, OptionalInt.empty(), OptionalInt.empty(), path, reason);
  }

  public static Problem error(String source, int line, int column, String path, String reason) {
    return new Problem(Severity.ERROR, source, lineOf(line), lineOf(column), path, reason);
  }

  public static Problem warning(String source, int line, int column, String path, String reason) {
    return new Problem(Severity.WARNING, source, lineOf(line), lineOf(column), path, reason);
  }

  public static Problem warning(String source, String path, String reason) {
    return new Problem(
        Severity.WARNING, source, OptionalInt.empty(), OptionalInt.empty(), path, reason);
  }

  private static OptionalInt lineOf(int n) {
    return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file.xml:12:5: /report/x: reason} — the form printed by the CLI and logged. */
  public String message() {
    StringBuilder sb = new StringBuilder(source);
    line.ifPresent(l -> sb.append(':').append(l));
    column.ifPresent(c -> sb.append(':').append(c));
    sb.append(": ");
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    if (severity == Severity.WARNING) {
      sb.append("warning: ");
    }
    return sb.append(reason).toString();
  }
}
