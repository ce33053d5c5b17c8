package org.tiptrace.hash.pdq;

/**
 * A needle line matching a haystack line (both 1-based) at a Hamming distance; printed by the CLI
 * as {@code needle_line,haystack_line,distance}.
 */
public record PdqLineMatch(int needleLine, int haystackLine, int distance) {

  /** The CSV form {@code needle_line,haystack_line,distance}. */
  public String toCsv() {
    return needleLine + "," + haystackLine + "," + distance;
  }
}
