package org.tiptrace.tip;

/** Paging for tip lists; newest first. */
public record TipQuery(int offset, int limit) {
  public static final int MAX_LIMIT = 1000;

  public TipQuery {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
  }

  public static TipQuery firstPage(int limit) {
    return new TipQuery(0, limit);
  }
}
