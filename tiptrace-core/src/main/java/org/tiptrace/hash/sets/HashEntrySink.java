package org.tiptrace.hash.sets;

/** Where a reader pushes entries, one at a time, so no reader holds a whole set in memory. */
@FunctionalInterface
public interface HashEntrySink {
  void accept(HashEntry entry);
}
