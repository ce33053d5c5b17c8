package org.tiptrace.hash.sets;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tiptrace.hash.exact.DigestIndex;
import org.tiptrace.hash.pdq.PdqHash;
import org.tiptrace.hash.pdq.PdqIndex;

/**
 * The in-memory indexes of one stored set: one {@link DigestIndex} per exact algorithm it holds
 * (payload = entry id) and one {@link PdqIndex} (id = entry id), with what identifies the import
 * they were built from. A {@link HashMatcher} holds one per enabled set; a {@link SetIndexCache}
 * keeps them on disk between starts.
 *
 * @param setId the set's store key
 * @param entryCount entries the index was built from
 * @param fingerprint {@link EntryFingerprint#value()} of those entries
 * @param exact by algorithm; only the algorithms the set holds
 * @param pdq the set's PDQ hashes; empty when it holds none
 */
public record SetIndex(
    long setId,
    long entryCount,
    String fingerprint,
    Map<DigestAlgorithm, DigestIndex> exact,
    PdqIndex pdq) {

  public SetIndex {
    Objects.requireNonNull(fingerprint, "fingerprint");
    exact = Collections.unmodifiableMap(new EnumMap<>(exact));
    Objects.requireNonNull(pdq, "pdq");
  }

  /** The kinds of hash the set holds. */
  public Set<DigestAlgorithm> algorithms() {
    Set<DigestAlgorithm> out = EnumSet.noneOf(DigestAlgorithm.class);
    exact.forEach(
        (a, i) -> {
          if (i.size() > 0) {
            out.add(a);
          }
        });
    if (pdq.size() > 0) {
      out.add(DigestAlgorithm.PDQ);
    }
    return out;
  }

  /** Whether this index was built from the import {@code set} records. */
  public boolean isOf(StoredHashSet set) {
    return setId == set.id()
        && entryCount == set.entryCount()
        && set.contentFingerprint().map(fingerprint::equals).orElse(false);
  }

  /** Bytes held by the indexes. */
  public long memoryBytes() {
    long n = pdq.memoryBytes();
    for (DigestIndex i : exact.values()) {
      n += i.memoryBytes();
    }
    return n;
  }

  /** Builds the index of one set from its entries as the store streams them. */
  public static final class Builder {
    private final long setId;
    private final Map<DigestAlgorithm, DigestIndex.Builder> builders =
        new EnumMap<>(DigestAlgorithm.class);
    private final PdqIndex pdq = new PdqIndex();
    private final EntryFingerprint fingerprint = new EntryFingerprint();
    private final int expected;

    /**
     * @param expectedEntries the set's recorded entry count, to size the builders
     */
    public Builder(long setId, long expectedEntries) {
      this.setId = setId;
      this.expected = (int) Math.min(Math.max(expectedEntries, 0), 1 << 28);
    }

    /** Adds one entry of the set; {@code digest} is read, not kept. */
    public void add(long id, DigestAlgorithm algorithm, byte[] digest) {
      if (id < 0 || id > Integer.MAX_VALUE) {
        throw new IllegalStateException(
            "hash entry id " + id + " does not fit the exact index's int payload");
      }
      fingerprint.add(algorithm, digest);
      if (algorithm.exact()) {
        // The first algorithm's builder is sized for the whole set (most large sets hold one kind
        // of digest, and a 100 M builder must not grow by copying); later ones grow as needed.
        builders
            .computeIfAbsent(
                algorithm,
                a -> DigestIndex.builder(a.byteLength(), builders.isEmpty() ? expected : 1024))
            .add(digest, (int) id);
      } else {
        pdq.add(id, PdqHash.parseHex(HexFormat.of().formatHex(digest)));
      }
    }

    public SetIndex build() {
      Map<DigestAlgorithm, DigestIndex> exact = new EnumMap<>(DigestAlgorithm.class);
      builders.forEach((a, b) -> exact.put(a, b.build()));
      return new SetIndex(setId, fingerprint.count(), fingerprint.value(), exact, pdq);
    }
  }
}
