package org.tiptrace.hash.sets;

import java.util.Collection;
import java.util.Optional;

/**
 * Built {@link SetIndex}es kept between starts, so that a start with unchanged sets, or a rebuild
 * after one set changed, does not read every other set's entries from the database again (decision
 * 0019). The database stays the truth: an index is used only when it was built from the very import
 * the set's row records (set id, entry count and {@link EntryFingerprint}; {@link
 * SetIndex#isOf(StoredHashSet)}); anything else reads the set from the database and writes the
 * index again. Implemented in tiptrace-store (files); must be safe for concurrent use.
 */
public interface SetIndexCache {

  /** No cache: every index is built from the database. */
  SetIndexCache NONE =
      new SetIndexCache() {
        @Override
        public Optional<SetIndex> read(StoredHashSet set) {
          return Optional.empty();
        }

        @Override
        public void write(StoredHashSet set, SetIndex index) {}

        @Override
        public void retainOnly(Collection<Long> setIds) {}
      };

  /**
   * The cached index of {@code set}, when there is one, it is intact and it was built from the
   * import the set's row records; otherwise empty, and the implementation says why in its log
   * (missing is normal, damaged or stale is a warning) and discards what it cannot use.
   */
  Optional<SetIndex> read(StoredHashSet set);

  /**
   * Keeps {@code index} for {@code set}, replacing what was kept for it. A failure to write is
   * logged and otherwise ignored: the cache only saves time.
   */
  void write(StoredHashSet set, SetIndex index);

  /** Forgets the indexes of every set not listed (removed or replaced sets). */
  void retainOnly(Collection<Long> setIds);
}
