package org.tiptrace.hash.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.hash.sets.SetFixtures.md5;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tiptrace.hash.content.ComputedHashes;
import org.tiptrace.link.TestTips;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TriState;

/**
 * How {@link HashMatcher} puts per-set indexes together (decision 0019): all sets' hits in entry-id
 * order as one index over all sets gives them, an unchanged set's index reused without reading its
 * entries, a cached index used only when it is the recorded import, and the fingerprint that
 * decides that.
 */
class SetIndexMergeTest {

  /** An in-memory store of sets and entries that counts the per-set reads. */
  private static final class Sets implements HashSetRepository {
    final Map<Long, StoredHashSet> sets = new LinkedHashMap<>();
    final Map<Long, StoredEntry> entries = new LinkedHashMap<>();
    final List<Long> reads = new ArrayList<>();
    SetIndexCache cache = SetIndexCache.NONE;
    long nextEntry = 1;

    StoredHashSet add(long id, String name, HashSetKind kind, List<String> md5s) {
      EntryFingerprint fp = new EntryFingerprint();
      for (String hex : md5s) {
        Digest d = Digest.parseHex(DigestAlgorithm.MD5, hex);
        long entryId = nextEntry++;
        entries.put(
            entryId,
            new StoredEntry(
                entryId,
                id,
                new HashEntry(d, Optional.of("1"), Optional.empty(), TriState.UNKNOWN)));
        fp.add(DigestAlgorithm.MD5, d.bytes());
      }
      StoredHashSet set =
          new StoredHashSet(
              id,
              new HashSetInfo(name, "1", Optional.empty(), Optional.empty(), "none", kind, true),
              HashSetFormat.CSV,
              md5s.size(),
              Instant.EPOCH,
              "0".repeat(64),
              Optional.empty(),
              Optional.empty(),
              Optional.of(fp.value()));
      sets.put(id, set);
      return set;
    }

    @Override
    public List<StoredHashSet> list() {
      return List.copyOf(sets.values());
    }

    @Override
    public Optional<StoredHashSet> find(String name) {
      return sets.values().stream().filter(s -> s.info().name().equals(name)).findFirst();
    }

    @Override
    public void forEachEntryOf(long setId, EntryVisitor visitor) {
      reads.add(setId);
      for (StoredEntry e : entries.values()) {
        if (e.setId() == setId) {
          visitor.visit(
              e.id(), e.setId(), e.entry().digest().algorithm(), e.entry().digest().bytes());
        }
      }
    }

    @Override
    public SetIndexCache indexCache() {
      return cache;
    }

    @Override
    public Map<Long, StoredEntry> entries(Collection<Long> ids) {
      Map<Long, StoredEntry> out = new HashMap<>();
      for (long id : ids) {
        if (entries.containsKey(id)) {
          out.put(id, entries.get(id));
        }
      }
      return out;
    }

    @Override
    public Imported importSet(
        HashSetInfo info,
        HashSetFormat format,
        String fileSha256,
        Instant importedAt,
        EntrySource source) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean recordCategoryMap(long setId, String label) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(String name) {
      return sets.values().removeIf(s -> s.info().name().equals(name));
    }

    @Override
    public boolean setEnabled(String name, boolean enabled) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean replaceMatches(
        AgencyId agency, TipId tip, TipHashMatches matches, Instant computedAt) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<StoredMatches> findMatches(AgencyId agency, TipId tip) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<TipRef> allTips() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void markForRetriage(AgencyId agency, TipId tip, String reason, Instant markedAt) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<RetriageMark> retriageMarks(AgencyId agency) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean clearRetriage(AgencyId agency, TipId tip) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean replaceComputed(
        AgencyId agency, TipId tip, int fileIndex, ComputedHashes hashes, Instant computedAt) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<Integer, ComputedHashes> findComputed(AgencyId agency, TipId tip) {
      return Map.of();
    }
  }

  /** A cache in memory that hands out whatever it was given, checked or not. */
  private static final class MemoryCache implements SetIndexCache {
    final Map<Long, SetIndex> held = new HashMap<>();
    int writes;

    @Override
    public Optional<SetIndex> read(StoredHashSet set) {
      return Optional.ofNullable(held.get(set.id()));
    }

    @Override
    public void write(StoredHashSet set, SetIndex index) {
      writes++;
      held.put(set.id(), index);
    }

    @Override
    public void retainOnly(Collection<Long> setIds) {
      held.keySet().retainAll(setIds);
    }
  }

  private static Report report(String... md5s) {
    TestTips.ReportBuilder r = TestTips.report();
    for (String m : md5s) {
      r.file(TestTips.file(m));
    }
    return r.build();
  }

  @Test
  void hitsOfEverySetComeInEntryIdOrder() {
    Sets repo = new Sets();
    repo.add(20, "B abuse", HashSetKind.KNOWN_ABUSE, List.of(md5("x"), md5("shared")));
    repo.add(10, "A good", HashSetKind.KNOWN_GOOD, List.of(md5("shared"), md5("y")));

    TipHashMatches m = HashMatcher.load(repo).match(report(md5("shared"), md5("y"), md5("z")));

    assertThat(m.files().get(0).matches())
        .extracting(HashMatch::setName)
        .as("entry 2 (set B) before entry 3 (set A), whatever the set order")
        .containsExactly("B abuse", "A good");
    assertThat(m.verdicts())
        .containsExactly(
            FileVerdict.MATCHED_KNOWN,
            FileVerdict.MATCHED_KNOWN_GOOD,
            FileVerdict.UNMATCHED_POSSIBLE_NEW);
    assertThat(repo.reads).containsExactlyInAnyOrder(10L, 20L);
  }

  @Test
  void onlyAbuseSetsMakeAMissMeaningful() {
    Sets repo = new Sets();
    repo.add(1, "good", HashSetKind.KNOWN_GOOD, List.of(md5("y")));
    assertThat(HashMatcher.load(repo).match(report(md5("z"))).verdicts())
        .containsExactly(FileVerdict.NOT_CHECKED);
  }

  @Test
  void anUnchangedSetIsReusedAndOnlyTheNewOneIsRead() {
    Sets repo = new Sets();
    repo.add(1, "A", HashSetKind.KNOWN_ABUSE, List.of(md5("a")));
    HashMatcher first = HashMatcher.load(repo);
    repo.add(2, "B", HashSetKind.KNOWN_ABUSE, List.of(md5("b")));
    repo.reads.clear();

    HashMatcher second = HashMatcher.load(repo, 31, Optional.of(first));

    assertThat(repo.reads).containsExactly(2L);
    assertThat(second.match(report(md5("a"), md5("b"))).verdicts())
        .containsExactly(FileVerdict.MATCHED_KNOWN, FileVerdict.MATCHED_KNOWN);

    repo.remove("A");
    repo.reads.clear();
    HashMatcher third = HashMatcher.load(repo, 31, Optional.of(second));
    assertThat(repo.reads).isEmpty();
    assertThat(third.match(report(md5("a"), md5("b"))).verdicts())
        .containsExactly(FileVerdict.UNMATCHED_POSSIBLE_NEW, FileVerdict.MATCHED_KNOWN);
  }

  @Test
  void aCachedIndexIsUsedOnlyWhenItIsTheRecordedImport() {
    Sets repo = new Sets();
    MemoryCache cache = new MemoryCache();
    repo.cache = cache;
    StoredHashSet a = repo.add(1, "A", HashSetKind.KNOWN_ABUSE, List.of(md5("a"), md5("b")));
    HashMatcher.load(repo);
    assertThat(cache.writes).isEqualTo(1);
    repo.reads.clear();

    HashMatcher.load(repo);
    assertThat(repo.reads).as("warm: from the cache").isEmpty();

    // A cache that hands back an index of other content under the right id is not believed.
    SetIndex.Builder other = new SetIndex.Builder(1, 2);
    other.add(1, DigestAlgorithm.MD5, Digest.parseHex(DigestAlgorithm.MD5, md5("a")).bytes());
    other.add(2, DigestAlgorithm.MD5, Digest.parseHex(DigestAlgorithm.MD5, md5("c")).bytes());
    cache.held.put(a.id(), other.build());
    HashMatcher m = HashMatcher.load(repo);
    assertThat(repo.reads).containsExactly(1L);
    assertThat(m.match(report(md5("b"), md5("c"))).verdicts())
        .containsExactly(FileVerdict.MATCHED_KNOWN, FileVerdict.UNMATCHED_POSSIBLE_NEW);
  }

  @Test
  void theFingerprintIgnoresOrderAndSeesEveryChange() {
    SplittableRandom random = new SplittableRandom(19);
    List<byte[]> digests = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      byte[] d = new byte[20];
      random.nextBytes(d);
      digests.add(d);
    }
    EntryFingerprint forward = new EntryFingerprint();
    digests.forEach(d -> forward.add(DigestAlgorithm.SHA1, d));
    EntryFingerprint backward = new EntryFingerprint();
    for (int i = digests.size() - 1; i >= 0; i--) {
      backward.add(DigestAlgorithm.SHA1, digests.get(i));
    }
    assertThat(backward.value()).isEqualTo(forward.value()).startsWith("fp1-").hasSize(36);

    byte[] changed = digests.get(50).clone();
    changed[19] ^= 1;
    assertThat(fingerprint(digests, 50, changed, DigestAlgorithm.SHA1))
        .isNotEqualTo(forward.value());
    assertThat(fingerprint(digests, 50, digests.get(50), DigestAlgorithm.SHA1))
        .isEqualTo(forward.value());

    EntryFingerprint otherAlgorithm = new EntryFingerprint();
    digests.forEach(d -> otherAlgorithm.add(DigestAlgorithm.PDQ, java.util.Arrays.copyOf(d, 32)));
    EntryFingerprint padded = new EntryFingerprint();
    digests.forEach(d -> padded.add(DigestAlgorithm.SHA256, java.util.Arrays.copyOf(d, 32)));
    assertThat(otherAlgorithm.value()).isNotEqualTo(padded.value());

    EntryFingerprint twice = new EntryFingerprint();
    digests.forEach(d -> twice.add(DigestAlgorithm.SHA1, d));
    twice.add(DigestAlgorithm.SHA1, digests.get(0));
    assertThat(twice.value()).isNotEqualTo(forward.value());
    assertThat(twice.count()).isEqualTo(101);
  }

  private static String fingerprint(
      List<byte[]> digests, int at, byte[] replacement, DigestAlgorithm a) {
    EntryFingerprint f = new EntryFingerprint();
    for (int i = 0; i < digests.size(); i++) {
      f.add(a, i == at ? replacement : digests.get(i));
    }
    return f.value();
  }
}
