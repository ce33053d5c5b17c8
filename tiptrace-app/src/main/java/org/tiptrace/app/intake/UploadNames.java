package org.tiptrace.app.intake;

import org.jspecify.annotations.Nullable;

/**
 * Names for uploaded documents. A client's file name is kept for problem messages, but only its
 * last path segment, without control characters, and at most 200 characters.
 */
final class UploadNames {
  private static final int MAX = 200;

  private UploadNames() {}

  static String clean(@Nullable String given, String fallback) {
    if (given == null) {
      return fallback;
    }
    String name = given;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    StringBuilder sb = new StringBuilder(name.length());
    name.codePoints().filter(c -> !Character.isISOControl(c)).forEach(sb::appendCodePoint);
    name = sb.toString().strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return fallback;
    }
    return name.length() > MAX ? name.substring(0, MAX) : name;
  }
}
