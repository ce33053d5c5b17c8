package org.tiptrace.hash.sets;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.tiptrace.hash.content.ComputedDigest;
import org.tiptrace.hash.content.ComputedHashes;
import org.tiptrace.hash.content.ComputedPdq;
import org.tiptrace.hash.content.PdqStatus;
import org.tiptrace.hash.exact.DigestIndex;
import org.tiptrace.hash.pdq.PdqDihedral;
import org.tiptrace.hash.pdq.PdqHash;
import org.tiptrace.hash.pdq.PdqIndex;
import org.tiptrace.hash.pdq.PdqMatch;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;

/**
 * The matching stage's entry point: {@link #match(Report)} gives, per reported file, its matches
 * against every enabled set and a {@link FileVerdict}.
 *
 * <p>Approach: a snapshot of the enabled sets, built once by {@link #load}: per set a {@link
 * SetIndex}, one {@link DigestIndex} per exact algorithm (payload = entry id) and one {@link
 * PdqIndex} (id = entry id), plus the sets' descriptions. A digest is looked up in every set's
 * index (a few sets, each probe two cache misses); keeping the sets apart is what lets a set's
 * index be cached, reused and replaced alone (decision 0019). Only digests and ids sit in memory; a
 * hit's category, series and set come from the repository ({@link HashSetRepository#entries}),
 * which is also where a prefix-only hit of the exact index (SHA-1, SHA-256: the index compares 16
 * bytes) is confirmed against the full stored digest. Hits are rare, so that read is cheap.
 *
 * <p>Hashes matched per file: every reported one, and the hashes Tiptrace computed from the file's
 * bytes when it holds them ({@link ComputedHashes}): the exact digests the report lacks, and the
 * computed PDQ hash queried as all eight dihedral variants (pdq.md §1.8: rotated or flipped copies
 * are found only so), each within the radius; the match records the source and the variant. A
 * computed PDQ hash under the quality gate is not queried (pdq.md §2).
 *
 * <p>Verdict, per file: an abuse match wins; else a known-good match marks the file known-good;
 * else, if the file carries a hash of a kind some enabled KNOWN_ABUSE set holds, it is unmatched,
 * possibly new material; otherwise it was not checked, which is never read as "no match". Matches
 * against OTHER sets are listed but decide nothing.
 *
 * <p>A snapshot does not see later set changes; build a new one (the app compares {@link #sets()}
 * with the repository's list).
 */
public final class HashMatcher {
  private static final System.Logger LOG = System.getLogger(HashMatcher.class.getName());

  private final HashSetRepository repository;
  private final Map<Long, StoredHashSet> sets;
  private final Map<Long, SetIndex> indexes;
  // Per algorithm the sets' exact indexes side by side; a digest is looked up in each.
  private final Map<DigestAlgorithm, List<DigestIndex>> exact;
  private final List<PdqIndex> pdq;
  private final int pdqRadius;
  private final Set<DigestAlgorithm> abuseAlgorithms;
  private final VicsCategoryMap categoryMap;

  private HashMatcher(
      HashSetRepository repository,
      Map<Long, StoredHashSet> sets,
      Map<Long, SetIndex> indexes,
      int pdqRadius,
      VicsCategoryMap categoryMap) {
    this.repository = repository;
    this.sets = Map.copyOf(sets);
    this.indexes = Map.copyOf(indexes);
    this.pdqRadius = pdqRadius;
    Map<DigestAlgorithm, List<DigestIndex>> byAlgorithm = new EnumMap<>(DigestAlgorithm.class);
    List<PdqIndex> pdqs = new ArrayList<>();
    Set<DigestAlgorithm> abuse = EnumSet.noneOf(DigestAlgorithm.class);
    for (StoredHashSet set : sets.values()) {
      SetIndex index = indexes.get(set.id());
      index
          .exact()
          .forEach(
              (a, i) -> {
                if (i.size() > 0) {
                  byAlgorithm.computeIfAbsent(a, k -> new ArrayList<>()).add(i);
                }
              });
      if (index.pdq().size() > 0) {
        pdqs.add(index.pdq());
      }
      if (set.info().kind() == HashSetKind.KNOWN_ABUSE) {
        // Which kinds of hash an abuse set answers for: only those make "no match" meaningful.
        abuse.addAll(index.algorithms());
      }
    }
    byAlgorithm.replaceAll((a, l) -> List.copyOf(l));
    this.exact = byAlgorithm;
    this.pdq = List.copyOf(pdqs);
    this.abuseAlgorithms = abuse;
    this.categoryMap = categoryMap;
  }

  /**
   * This snapshot reading VICS categories with {@code map} instead of the bundled one (the indexes
   * are shared, not copied): what a set's matches mean under another map version, as a map change
   * is re-derived ({@link TipMatching#applyCategoryMap}) and tested.
   */
  public HashMatcher withCategoryMap(VicsCategoryMap map) {
    return new HashMatcher(
        repository, sets, indexes, pdqRadius, java.util.Objects.requireNonNull(map, "map"));
  }

  /** The VICS category map this snapshot reads categories with. */
  public VicsCategoryMap categoryMap() {
    return categoryMap;
  }

  /** A snapshot of the enabled sets with PDQ radius {@value PdqIndex#DEFAULT_RADIUS}. */
  public static HashMatcher load(HashSetRepository repository) {
    return load(repository, PdqIndex.DEFAULT_RADIUS);
  }

  /**
   * @param pdqRadius PDQ matches are within this Hamming distance (0–63)
   */
  public static HashMatcher load(HashSetRepository repository, int pdqRadius) {
    return load(repository, pdqRadius, Map.of());
  }

  /**
   * A snapshot of the enabled sets that takes each set's index from {@code previous} (a snapshot
   * this process built before) when it holds that set, else from the repository's {@link
   * SetIndexCache}, else builds it from the set's entries in the repository and writes it to the
   * cache. A set's index is only reused when it was built from the import the set's row records
   * ({@link SetIndex#isOf}), so every way gives the same snapshot (decision 0019).
   *
   * @param pdqRadius PDQ matches are within this Hamming distance (0–63)
   */
  public static HashMatcher load(
      HashSetRepository repository, int pdqRadius, Optional<HashMatcher> previous) {
    return load(repository, pdqRadius, previous.map(m -> m.indexes).orElse(Map.of()));
  }

  private static HashMatcher load(
      HashSetRepository repository, int pdqRadius, Map<Long, SetIndex> previous) {
    if (pdqRadius < 0 || pdqRadius > 63) {
      throw new IllegalArgumentException("PDQ radius must be 0..63, was " + pdqRadius);
    }
    SetIndexCache cache = repository.indexCache();
    List<StoredHashSet> all = repository.list();
    cache.retainOnly(all.stream().map(StoredHashSet::id).toList());
    Map<Long, StoredHashSet> sets = new LinkedHashMap<>();
    Map<Long, SetIndex> indexes = new HashMap<>();
    for (StoredHashSet s : all) {
      if (!s.info().enabled()) {
        continue;
      }
      sets.put(s.id(), s);
      SetIndex before = previous.get(s.id());
      if (before != null && (before.isOf(s) || sameUnfingerprinted(before, s))) {
        indexes.put(s.id(), before);
        continue;
      }
      // The cache checks its files; checking its answer again costs nothing and guards the rule.
      Optional<SetIndex> cached = cache.read(s).filter(i -> i.isOf(s));
      if (cached.isPresent()) {
        indexes.put(s.id(), cached.get());
        continue;
      }
      indexes.put(s.id(), fromDatabase(repository, cache, s));
    }
    return new HashMatcher(repository, sets, indexes, pdqRadius, VicsCategoryMap.bundled());
  }

  /**
   * A set imported before fingerprints were recorded: its index, built from the database in this
   * process, stays valid while the set's row does (sets are never changed in place, a replace gets
   * a new id), but it is not cached.
   */
  private static boolean sameUnfingerprinted(SetIndex index, StoredHashSet set) {
    return set.contentFingerprint().isEmpty()
        && index.setId() == set.id()
        && index.entryCount() == set.entryCount();
  }

  /** Reads one set's entries and builds its index; caches it when it is the recorded import. */
  private static SetIndex fromDatabase(
      HashSetRepository repository, SetIndexCache cache, StoredHashSet set) {
    SetIndex.Builder builder = new SetIndex.Builder(set.id(), set.entryCount());
    repository.forEachEntryOf(
        set.id(),
        (id, setId, algorithm, digest) -> {
          builder.add(id, algorithm, digest);
        });
    SetIndex index = builder.build();
    if (index.isOf(set)) {
      cache.write(set, index);
    } else if (set.contentFingerprint().isEmpty()) {
      LOG.log(
          System.Logger.Level.INFO,
          // Ids and counts as strings: MessageFormat would group their digits.
          "hash set {0} (id {1}) has no recorded content fingerprint (imported before V16):"
              + " its index is built from the database at every start; import it again to cache it",
          set.label(),
          Long.toString(set.id()));
    } else {
      // The rows differ from what the import recorded: use the rows (the database is the truth),
      // never cache them under the import's name.
      LOG.log(
          System.Logger.Level.WARNING,
          "hash set {0} (id {1}): {2} entries with fingerprint {3} in the database, the import"
              + " recorded {4} entries with {5}; index built from the database and not cached",
          set.label(),
          Long.toString(set.id()),
          Long.toString(index.entryCount()),
          index.fingerprint(),
          Long.toString(set.entryCount()),
          set.contentFingerprint().orElse("none"));
    }
    return index;
  }

  /** The enabled sets this snapshot holds, by id. */
  public Map<Long, StoredHashSet> sets() {
    return sets;
  }

  /** "name version" of each enabled set, or "no hash sets". */
  public String describeSets() {
    if (sets.isEmpty()) {
      return "no hash sets";
    }
    return sets.values().stream()
        .map(StoredHashSet::label)
        .sorted()
        .collect(Collectors.joining(", "));
  }

  /** Bytes held by the exact and PDQ indexes. */
  public long memoryBytes() {
    long n = 0;
    for (SetIndex i : indexes.values()) {
      n += i.memoryBytes();
    }
    return n;
  }

  /** The matches of every file of {@code report} by its reported hashes, in file order. */
  public TipHashMatches match(Report report) {
    return match(report, Map.of());
  }

  /**
   * The matches of every file of {@code report}, in file order, by its reported hashes and by the
   * hashes Tiptrace computed from the bytes of the files it holds.
   *
   * @param computed by file index ({@code report.files()} order)
   */
  public TipHashMatches match(Report report, Map<Integer, ComputedHashes> computed) {
    return matchAll(List.of(new Subject(report, computed))).get(0);
  }

  /** One tip to match: its report and the hashes computed from its files' bytes, by file index. */
  public record Subject(Report report, Map<Integer, ComputedHashes> computed) {
    public Subject {
      java.util.Objects.requireNonNull(report, "report");
      computed = Map.copyOf(computed);
    }
  }

  /**
   * The matches of many tips, in order, each exactly as {@link #match(Report, Map)} gives it, with
   * the lookups batched across all of them: one {@link DigestIndex#lookupAll} per algorithm and one
   * {@link HashSetRepository#entries} read for every candidate of every file (re-matching runs a
   * page of tips at a time; one entry read per file was most of its cost).
   */
  public List<TipHashMatches> matchAll(List<Subject> subjects) {
    List<ReportedFile> allFiles = new ArrayList<>();
    Map<Integer, ComputedHashes> allComputed = new HashMap<>();
    for (Subject sub : subjects) {
      sub.computed().forEach((i, c) -> allComputed.put(allFiles.size() + i, c));
      allFiles.addAll(sub.report().files());
    }
    ExactFirsts firsts = lookUpExact(allFiles, allComputed);
    List<List<FileCandidates>> perTip = new ArrayList<>();
    java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
    for (Subject sub : subjects) {
      List<FileCandidates> files = new ArrayList<>();
      List<ReportedFile> reported = sub.report().files();
      for (int i = 0; i < reported.size(); i++) {
        FileCandidates fc =
            candidates(i, reported.get(i), Optional.ofNullable(sub.computed().get(i)), firsts);
        ids.addAll(fc.candidates().keySet());
        files.add(fc);
      }
      perTip.add(files);
    }
    Map<Long, StoredEntry> entries = ids.isEmpty() ? Map.of() : repository.entries(ids);
    String described = describeSets();
    List<TipHashMatches> out = new ArrayList<>();
    for (List<FileCandidates> files : perTip) {
      List<FileMatches> matched = new ArrayList<>();
      for (FileCandidates fc : files) {
        matched.add(resolve(fc, entries));
      }
      out.add(new TipHashMatches(matched, described));
    }
    return out;
  }

  /**
   * The first entry (or -1) of every exact digest the report carries or Tiptrace computed, in each
   * of the algorithm's indexes (in {@code exact}'s order), per algorithm, keyed by the digest's
   * bytes.
   */
  private record ExactFirsts(Map<DigestAlgorithm, Map<ByteBuffer, int[]>> byAlgorithm) {
    OptionalInt first(DigestAlgorithm algorithm, int index, byte[] digest) {
      Map<ByteBuffer, int[]> m = byAlgorithm.get(algorithm);
      int[] e = m == null ? null : m.get(ByteBuffer.wrap(digest));
      return e == null ? OptionalInt.empty() : OptionalInt.of(e[index]);
    }
  }

  /**
   * Looks up all of a report's exact digests in one {@link DigestIndex#lookupAll} call per
   * algorithm, so their cache misses overlap instead of following one another (decision 0010).
   */
  private ExactFirsts lookUpExact(
      List<ReportedFile> reported, Map<Integer, ComputedHashes> computed) {
    Map<DigestAlgorithm, List<byte[]>> batches = new EnumMap<>(DigestAlgorithm.class);
    for (int i = 0; i < reported.size(); i++) {
      for (FileHash h : reported.get(i).hashes()) {
        addExact(batches, h.algorithm(), h.value());
      }
      ComputedHashes c = computed.get(i);
      if (c != null) {
        for (ComputedDigest d : c.digests()) {
          addExact(batches, d.algorithm(), d.value());
        }
      }
    }
    Map<DigestAlgorithm, Map<ByteBuffer, int[]>> firsts = new EnumMap<>(DigestAlgorithm.class);
    batches.forEach(
        (a, digests) -> {
          byte[][] batch = digests.toArray(new byte[0][]);
          List<DigestIndex> indexes = exact.get(a);
          Map<ByteBuffer, int[]> m = new HashMap<>();
          for (byte[] d : batch) {
            m.put(ByteBuffer.wrap(d), new int[indexes.size()]);
          }
          int[] out = new int[batch.length];
          for (int x = 0; x < indexes.size(); x++) {
            indexes.get(x).lookupAll(batch, out);
            for (int k = 0; k < batch.length; k++) {
              m.get(ByteBuffer.wrap(batch[k]))[x] = out[k];
            }
          }
          firsts.put(a, m);
        });
    return new ExactFirsts(firsts);
  }

  private void addExact(
      Map<DigestAlgorithm, List<byte[]>> batches, HashAlgorithm algorithm, String hex) {
    Optional<DigestAlgorithm> a = DigestAlgorithm.of(algorithm);
    if (a.isEmpty() || !a.get().exact() || !exact.containsKey(a.get())) {
      return;
    }
    try {
      batches
          .computeIfAbsent(a.get(), k -> new ArrayList<>())
          .add(Digest.parseHex(a.get(), hex).bytes());
    } catch (IllegalArgumentException e) {
      // malformed: match() skips it too
    }
  }

  /** One file's index hits, before their entries are read. */
  private record FileCandidates(
      int index,
      Optional<ComputedHashes> computed,
      Map<Long, Candidate> candidates,
      Set<DigestAlgorithm> carried) {}

  private FileCandidates candidates(
      int index, ReportedFile file, Optional<ComputedHashes> computed, ExactFirsts firsts) {
    // candidate entry id -> how the file reached it; a reported hash wins over a computed one, and
    // among the computed PDQ variants the closest (then the first in PdqDihedral order)
    Map<Long, Candidate> candidates = new LinkedHashMap<>();
    Set<DigestAlgorithm> carried = EnumSet.noneOf(DigestAlgorithm.class);
    for (FileHash h : file.hashes()) {
      Optional<DigestAlgorithm> a = DigestAlgorithm.of(h.algorithm());
      if (a.isEmpty()) {
        continue;
      }
      Digest d;
      try {
        d = Digest.parseHex(a.get(), h.value());
      } catch (IllegalArgumentException e) {
        continue; // a malformed reported hash cannot be checked; intake already warned about it
      }
      carried.add(a.get());
      find(d, HashSource.REPORTED, Optional.empty(), candidates, firsts);
    }
    if (computed.isPresent()) {
      for (ComputedDigest c : computed.get().digests()) {
        Optional<DigestAlgorithm> a = DigestAlgorithm.of(c.algorithm());
        if (a.isPresent()) {
          carried.add(a.get());
          find(
              Digest.parseHex(a.get(), c.value()),
              HashSource.COMPUTED,
              Optional.empty(),
              candidates,
              firsts);
        }
      }
      ComputedPdq pdqOut = computed.get().pdq();
      if (pdqOut.status() == PdqStatus.HASHED) {
        // Low quality is shown and flagged, never matched (pdq.md §2); it carries no PDQ either.
        carried.add(DigestAlgorithm.PDQ);
        for (PdqDihedral v : PdqDihedral.values()) {
          PdqHash h = pdqOut.usable(v).orElseThrow();
          find(
              Digest.parseHex(DigestAlgorithm.PDQ, h.toHex()),
              HashSource.COMPUTED,
              Optional.of(v),
              candidates,
              firsts);
        }
      }
    }
    return new FileCandidates(index, computed, candidates, carried);
  }

  private FileMatches resolve(FileCandidates fc, Map<Long, StoredEntry> entries) {
    int index = fc.index();
    Optional<ComputedHashes> computed = fc.computed();
    Map<Long, Candidate> candidates = fc.candidates();
    Set<DigestAlgorithm> carried = fc.carried();
    List<HashMatch> matches = new ArrayList<>();
    if (!candidates.isEmpty()) {
      for (Map.Entry<Long, Candidate> c : candidates.entrySet()) {
        StoredEntry e = entries.get(c.getKey());
        StoredHashSet set = e == null ? null : sets.get(e.setId());
        if (e == null || set == null) {
          continue; // removed or disabled since the snapshot
        }
        Candidate cand = c.getValue();
        Digest stored = e.entry().digest();
        if (stored.algorithm().exact() && !stored.equals(cand.digest())) {
          continue; // a prefix-only hit of the exact index
        }
        matches.add(
            new HashMatch(
                set.info().name(),
                set.info().version(),
                kindOf(set, e.entry()),
                e.entry().category(),
                e.entry().series(),
                e.entry().victimIdentified(),
                MatchMethod.of(stored.algorithm()),
                cand.digest().toString(),
                cand.distance(),
                cand.source(),
                cand.variant()));
      }
    }
    return new FileMatches(index, verdict(matches, carried), matches, computed);
  }

  /** Adds the index hits of {@code d} to {@code candidates}. */
  private void find(
      Digest d,
      HashSource source,
      Optional<PdqDihedral> variant,
      Map<Long, Candidate> candidates,
      ExactFirsts firsts) {
    if (d.algorithm().exact()) {
      List<DigestIndex> idxs = exact.getOrDefault(d.algorithm(), List.of());
      byte[] bytes = d.bytes();
      List<Long> ids = new ArrayList<>();
      for (int x = 0; x < idxs.size(); x++) {
        DigestIndex idx = idxs.get(x);
        OptionalInt first = firsts.first(d.algorithm(), x, bytes);
        int e = first.isPresent() ? first.getAsInt() : idx.lookup(bytes);
        for (; e >= 0; e = idx.next(bytes, e)) {
          ids.add((long) idx.payload(e));
        }
      }
      ids.sort(null); // entry id order, as one index over all sets would give them
      for (long id : ids) {
        candidates.putIfAbsent(id, new Candidate(d, OptionalInt.empty(), source, Optional.empty()));
      }
    } else {
      List<PdqMatch> found = new ArrayList<>();
      for (PdqIndex index : pdq) {
        found.addAll(index.query(pdqOf(d.bytes()), pdqRadius));
      }
      found.sort(PdqMatch.ORDER); // as one index over all sets would give them
      for (PdqMatch m : found) {
        Candidate now = new Candidate(d, OptionalInt.of(m.distance()), source, variant);
        Candidate before = candidates.get(m.id());
        if (before == null
            || (before.source() == HashSource.COMPUTED
                && source == HashSource.COMPUTED
                && m.distance() < before.distance().orElse(Integer.MAX_VALUE))) {
          candidates.put(m.id(), now);
        }
      }
    }
  }

  /**
   * What a match means: the set's kind, or, in a VICS abuse set, what the entry's category reads as
   * in this snapshot's {@link VicsCategoryMap}, the bundled one unless {@link #withCategoryMap}
   * (hash-sets-and-forensics.md §1.4: 0 non-pertinent is known-good, 4 comparison is other; UK
   * grades are unverified and keep the set's kind). The entry's category is stored as the file gave
   * it, so a changed map is re-derived by matching again.
   */
  HashSetKind kindOf(StoredHashSet set, HashEntry entry) {
    return categoryMap.kindOf(set, entry);
  }

  private FileVerdict verdict(List<HashMatch> matches, Set<DigestAlgorithm> carried) {
    if (matches.stream().anyMatch(m -> m.kind() == HashSetKind.KNOWN_ABUSE)) {
      return FileVerdict.MATCHED_KNOWN;
    }
    if (matches.stream().anyMatch(m -> m.kind() == HashSetKind.KNOWN_GOOD)) {
      return FileVerdict.MATCHED_KNOWN_GOOD;
    }
    for (DigestAlgorithm a : carried) {
      if (abuseAlgorithms.contains(a)) {
        return FileVerdict.UNMATCHED_POSSIBLE_NEW;
      }
    }
    return FileVerdict.NOT_CHECKED;
  }

  /** The stored bytes are the hex form's bytes, so the hex form is the way back. */
  private static PdqHash pdqOf(byte[] digest) {
    return PdqHash.parseHex(HexFormat.of().formatHex(digest));
  }

  private record Candidate(
      Digest digest, OptionalInt distance, HashSource source, Optional<PdqDihedral> variant) {}
}
