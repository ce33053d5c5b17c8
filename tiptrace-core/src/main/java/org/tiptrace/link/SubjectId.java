package org.tiptrace.link;

/**
 * A subject's id: its smallest member. Deterministic: the same tips in any order give the same
 * subject the same id. It changes when the subject merges with one holding a smaller member.
 */
public record SubjectId(PersonRef anchor) implements Comparable<SubjectId> {
  @Override
  public int compareTo(SubjectId other) {
    return anchor.compareTo(other.anchor);
  }

  /**
   * Reads {@code S-t12/R0}, its URL form {@code S-t12.R0}, or the anchor alone ({@code t12/R0}).
   *
   * @throws IllegalArgumentException naming the text
   */
  public static SubjectId parse(String text) {
    String anchor = text.startsWith("S-") ? text.substring(2) : text;
    return new SubjectId(PersonRef.parse(anchor.replace('.', '/')));
  }

  /** The id without a slash, for URLs: {@code S-t12.R0}. */
  public String urlId() {
    return toString().replace('/', '.');
  }

  @Override
  public String toString() {
    return "S-" + anchor;
  }
}
