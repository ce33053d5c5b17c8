package org.tiptrace.evidence;

import java.util.regex.Pattern;

/**
 * How Tiptrace names one file of a tip in URLs, warrants and the audit log: the reported file id
 * when it is usable and unique within the tip, else {@code pos-N} (its 1-based position). See
 * {@link TipFiles}.
 */
public record FileRef(String value) implements Comparable<FileRef> {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  public FileRef {
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "file id '" + value + "' must be 1-128 letters, digits, '.', '_' or '-'");
    }
  }

  public static boolean isValid(String value) {
    return FORM.matcher(value).matches();
  }

  @Override
  public int compareTo(FileRef o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
