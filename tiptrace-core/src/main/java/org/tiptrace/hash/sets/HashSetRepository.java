package org.tiptrace.hash.sets;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tiptrace.hash.content.ComputedHashes;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * Storage of hash sets, their entries, the matches computed per tip, and the tips waiting for
 * re-triage; implemented by tiptrace-store.
 *
 * <p>Sets are national data shared by every agency; matches and re-triage marks belong to a tip and
 * so to its agency. Each change of a set (import, replace, remove, enable) is one transaction.
 */
public interface HashSetRepository {

  /** Produces the entries of an import into the sink the repository gives it. */
  @FunctionalInterface
  interface EntrySource {
    ReadSummary fill(HashEntrySink sink) throws IOException;
  }

  /**
   * @param replaced the set of the same name that this import replaced
   */
  record Imported(StoredHashSet set, ReadSummary summary, Optional<StoredHashSet> replaced) {}

  /** Sees one stored entry of an enabled set; {@code digest} is only valid during the call. */
  @FunctionalInterface
  interface EntryVisitor {
    void visit(long id, long setId, DigestAlgorithm algorithm, byte[] digest);
  }

  /** A stored tip, of any agency. */
  record TipRef(AgencyId agency, TipId tip) {}

  /**
   * @param matches what was computed, as stored
   */
  record StoredMatches(TipHashMatches matches, Instant computedAt) {}

  /** A tip whose hash matches changed after it was last triaged. */
  record RetriageMark(AgencyId agency, TipId tip, String reason, Instant markedAt) {}

  /**
   * Imports a set in one transaction: the set row, every entry {@code source} produces, and the
   * removal of a set of the same name (a new version replaces the old). If {@code source} throws,
   * nothing changes.
   *
   * @param fileSha256 the imported file's SHA-256, lower-case hex
   */
  Imported importSet(
      HashSetInfo info,
      HashSetFormat format,
      String fileSha256,
      Instant importedAt,
      EntrySource source)
      throws IOException;

  /** Removes the set and its entries in one transaction; false when no set has that name. */
  boolean remove(String name);

  /** Enables or disables a set; false when no set has that name. */
  boolean setEnabled(String name, boolean enabled);

  /** Every set, by name. */
  List<StoredHashSet> list();

  Optional<StoredHashSet> find(String name);

  /** Streams the entries of every enabled set, for building the in-memory indexes. */
  void forEachEnabledEntry(EntryVisitor visitor);

  /**
   * Streams the entries of one set, in no particular order, for building its index alone (the other
   * sets' indexes come from memory or the {@link #indexCache()}). The default filters {@link
   * #forEachEnabledEntry}, which reads every enabled set; stores should override it.
   */
  default void forEachEntryOf(long setId, EntryVisitor visitor) {
    forEachEnabledEntry(
        (id, set, algorithm, digest) -> {
          if (set == setId) {
            visitor.visit(id, set, algorithm, digest);
          }
        });
  }

  /** Where the built indexes of this store's sets are kept between starts; none by default. */
  default SetIndexCache indexCache() {
    return SetIndexCache.NONE;
  }

  /** The entries with these ids (those that still exist), by id. */
  Map<Long, StoredEntry> entries(Collection<Long> ids);

  /**
   * Stores the matches of the agency's tip, replacing earlier ones; false when the tip is not the
   * agency's.
   */
  boolean replaceMatches(AgencyId agency, TipId tip, TipHashMatches matches, Instant computedAt);

  Optional<StoredMatches> findMatches(AgencyId agency, TipId tip);

  /** Every stored tip of every agency, for re-matching after a set changed; ordered by id. */
  List<TipRef> allTips();

  /** Marks the tip for re-triage (a later mark replaces the reason and time). */
  void markForRetriage(AgencyId agency, TipId tip, String reason, Instant markedAt);

  /** The agency's tips marked for re-triage, oldest mark first. */
  List<RetriageMark> retriageMarks(AgencyId agency);

  /** Clears the mark (triage consumed it); false when there was none. */
  boolean clearRetriage(AgencyId agency, TipId tip);

  /**
   * Stores what Tiptrace computed from the bytes of file {@code fileIndex} (position in the
   * report's files) of the agency's tip, replacing what was computed for that file before.
   *
   * @return false when the tip is not the agency's
   */
  boolean replaceComputed(
      AgencyId agency, TipId tip, int fileIndex, ComputedHashes hashes, Instant computedAt);

  /** The hashes computed from the bytes of the agency's tip's files, by file index. */
  Map<Integer, ComputedHashes> findComputed(AgencyId agency, TipId tip);
}
