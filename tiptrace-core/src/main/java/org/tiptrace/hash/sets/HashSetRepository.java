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

  /**
   * Records that the set's matches now read its categories with the VICS category map {@code label}
   * ("name version"), after a changed map was re-derived; false when no set has that id.
   */
  boolean recordCategoryMap(long setId, String label);

  /** Every set, by name. */
  List<StoredHashSet> list();

  Optional<StoredHashSet> find(String name);

  /**
   * Streams the entries of one set, in no particular order, for building its index alone (the other
   * sets' indexes come from memory or the {@link #indexCache()}).
   */
  void forEachEntryOf(long setId, EntryVisitor visitor);

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

  /**
   * Up to {@code limit} stored tips of every agency with an id above {@code afterId}, ordered by
   * id: re-matching reads the tips page by page.
   */
  default List<TipRef> tipPage(long afterId, int limit) {
    return allTips().stream().filter(t -> t.tip().value() > afterId).limit(limit).toList();
  }

  /** How many tips {@link #allTips} would list. */
  default long tipCount() {
    return allTips().size();
  }

  /** The stored matches of these tips (those that have some), in one read where possible. */
  default Map<TipRef, StoredMatches> findMatches(Collection<TipRef> tips) {
    Map<TipRef, StoredMatches> out = new java.util.LinkedHashMap<>();
    for (TipRef t : tips) {
      findMatches(t.agency(), t.tip()).ifPresent(m -> out.put(t, m));
    }
    return out;
  }

  /** The computed hashes of these tips' files (tips without any are left out), by tip. */
  default Map<TipRef, Map<Integer, ComputedHashes>> findComputed(Collection<TipRef> tips) {
    Map<TipRef, Map<Integer, ComputedHashes>> out = new java.util.LinkedHashMap<>();
    for (TipRef t : tips) {
      Map<Integer, ComputedHashes> c = findComputed(t.agency(), t.tip());
      if (!c.isEmpty()) {
        out.put(t, c);
      }
    }
    return out;
  }

  /**
   * A tip's new matches and, when triage reads them differently from before, the reason to mark it
   * for re-triage.
   */
  record MatchUpdate(TipRef tip, TipHashMatches matches, Optional<String> retriageReason) {}

  /**
   * Stores the matches of every update and sets its re-triage mark, all in one transaction (where
   * the repository has transactions): a page of re-matched tips is stored whole or not at all.
   *
   * @return the tips stored: those that still exist and are their agency's
   */
  default java.util.Set<TipRef> replaceMatches(List<MatchUpdate> updates, Instant computedAt) {
    java.util.Set<TipRef> out = new java.util.LinkedHashSet<>();
    for (MatchUpdate u : updates) {
      if (replaceMatches(u.tip().agency(), u.tip().tip(), u.matches(), computedAt)) {
        out.add(u.tip());
        u.retriageReason()
            .ifPresent(r -> markForRetriage(u.tip().agency(), u.tip().tip(), r, computedAt));
      }
    }
    return out;
  }

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
