package org.tiptrace.hash.pdq;

import java.util.Comparator;

/** One stored hash within the query radius: its id and Hamming distance. */
public record PdqMatch(long id, int distance) implements Comparable<PdqMatch> {

  /** Result order: distance, then id. */
  public static final Comparator<PdqMatch> ORDER =
      Comparator.comparingInt(PdqMatch::distance).thenComparingLong(PdqMatch::id);

  @Override
  public int compareTo(PdqMatch o) {
    return ORDER.compare(this, o);
  }
}
