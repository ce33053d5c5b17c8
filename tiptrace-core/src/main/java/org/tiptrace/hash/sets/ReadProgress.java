package org.tiptrace.hash.sets;

/** Told now and then how far a reader got: bytes of a text file, rows of a database. */
@FunctionalInterface
public interface ReadProgress {
  ReadProgress NONE = (done, total) -> {};

  /**
   * @param total the expected end, or -1 when unknown
   */
  void read(long done, long total);
}
