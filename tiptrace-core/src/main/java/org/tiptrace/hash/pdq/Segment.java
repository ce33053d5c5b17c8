package org.tiptrace.hash.pdq;

/**
 * A sealed, immutable block of rows of a {@link PdqIndex} with its own multi-index; only deletion
 * marks change, under the owning index's write lock. Three layouts: {@link SlotSegment} (16 slot
 * tables of row entries, the fastest), {@link MihSegment} (8 slot-pair tables) and {@link
 * BlockSegment} (16 slot tables of block entries, the most compact; decision 0017).
 */
interface Segment {

  /** Rows stored, deleted ones included. */
  int rows();

  /** Rows not deleted. */
  int live();

  boolean isDeleted(int row);

  /** Word {@code w} (0–3) of the code in {@code row}. */
  long word(int row, int w);

  long id(int row);

  /** Marks every live row with {@code id} deleted; returns how many. Caller holds the lock. */
  int delete(long id);

  /** Bytes held by the segment's arrays (headers ignored). */
  long memoryBytes();

  /** Whether the multi-index is expected to beat a scan of this segment at radius {@code d}. */
  boolean mihCheaper(int d);

  /** Multi-index search; every live row within {@code d} goes to {@code sink}. */
  void searchMih(long q0, long q1, long q2, long q3, int d, MatchSink sink);

  /** Linear scan of this segment. */
  void searchScan(long q0, long q1, long q2, long q3, int d, MatchSink sink);

  /** Receives (id, distance) pairs. */
  @FunctionalInterface
  interface MatchSink {
    void accept(long id, int distance);
  }
}
