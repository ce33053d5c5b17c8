package org.tiptrace.hash.sets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipRepository;

/**
 * Matching of stored tips: on ingest ({@link #matchAndStore}) and again after a set changed ({@link
 * #rematchAll}), which marks every tip whose matches changed for re-triage.
 *
 * <p>It keeps one {@link HashMatcher} snapshot and rebuilds it when the repository's enabled sets
 * (ids) differ from the snapshot's, so a set imported by another process is used from the next tip
 * on. Thread-safe.
 */
public final class TipMatching {
  private final HashSetRepository sets;
  private final TipRepository tips;
  private final Clock clock;
  private final int pdqRadius;
  private HashMatcher matcher;

  /** Re-matching progress: {@code done} of {@code total} tips. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void done(int done, int total);
  }

  /**
   * @param tips tips re-matched
   * @param changed tips whose matches changed and were marked for re-triage
   */
  public record Rematch(int tips, int changed) {}

  public TipMatching(HashSetRepository sets, TipRepository tips, Clock clock, int pdqRadius) {
    this.sets = Objects.requireNonNull(sets, "sets");
    this.tips = Objects.requireNonNull(tips, "tips");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pdqRadius = pdqRadius;
    this.matcher = HashMatcher.load(sets, pdqRadius);
  }

  public TipMatching(HashSetRepository sets, TipRepository tips, Clock clock) {
    this(sets, tips, clock, org.tiptrace.hash.pdq.PdqIndex.DEFAULT_RADIUS);
  }

  /** The current snapshot, rebuilt first when the enabled sets changed. */
  public synchronized HashMatcher matcher() {
    Map<Long, StoredHashSet> current =
        sets.list().stream()
            .filter(s -> s.info().enabled())
            .collect(Collectors.toMap(StoredHashSet::id, s -> s));
    if (!current.keySet().equals(matcher.sets().keySet())) {
      // Sets still enabled keep their indexes; only new ones are read (cache, else database).
      matcher = HashMatcher.load(sets, pdqRadius, Optional.of(matcher));
    }
    return matcher;
  }

  /**
   * Matches the agency's tip and stores the result.
   *
   * @return the matches, or empty when the tip is not the agency's
   */
  public Optional<TipHashMatches> matchAndStore(AgencyId agency, TipId id) {
    return matchAndStore(agency, id, matcher()).map(Change::now);
  }

  /** Matches the tip only when nothing is stored for it (a duplicate of an older ingest). */
  public void matchIfMissing(AgencyId agency, TipId id) {
    if (sets.findMatches(agency, id).isEmpty()) {
      matchAndStore(agency, id);
    }
  }

  /** Tips read, matched and stored per page by {@link #rematchAll}. */
  public static final int PAGE_SIZE = 500;

  /**
   * Re-matches every stored tip of every agency against the current sets; a tip whose matches
   * differ from the stored ones (none stored reads as every file "not checked"; set versions are
   * not compared) is marked for re-triage with {@code reason}.
   *
   * <p>Page by page ({@value #PAGE_SIZE} tips): the page's tips, stored matches and computed hashes
   * read in a few queries, matched with one batched lookup ({@link HashMatcher#matchAll}), and
   * their matches and marks written in one transaction; {@code progress} hears once per page. The
   * stored matches are the same as matching the tips one by one ({@link #rematch}) gives.
   */
  public Rematch rematchAll(String reason, Progress progress) {
    return rematchAll(reason, progress, PAGE_SIZE);
  }

  /** {@link #rematchAll(String, Progress)} with another page size (tests, benchmarks). */
  public Rematch rematchAll(String reason, Progress progress, int pageSize) {
    return rematchPages(matcher(), reason, progress, pageSize, stored -> true);
  }

  /**
   * Sets imported under another version of the VICS category map than {@code map}: the map applies
   * to them (a VICS abuse set) and their recorded map label differs or is missing (imported before
   * the map was data). Their stored matches may read categories the old way.
   */
  public List<StoredHashSet> staleCategoryMap(VicsCategoryMap map) {
    return staleCategoryMap(sets, map);
  }

  /**
   * {@link #staleCategoryMap(VicsCategoryMap)} without a {@code TipMatching}, whose constructor
   * loads the in-memory indexes (minutes for a national set): for listings and checks.
   */
  public static List<StoredHashSet> staleCategoryMap(HashSetRepository sets, VicsCategoryMap map) {
    List<StoredHashSet> out = new ArrayList<>();
    for (StoredHashSet s : sets.list()) {
      if (map.appliesTo(s.info().kind(), s.info().categoryScheme())
          && !s.categoryMap().equals(Optional.of(map.label()))) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * What applying a category map did.
   *
   * @param sets the sets re-derived, with the map label they had ("none" when unrecorded)
   * @param tips tips looked at
   * @param rematched tips that held a match in one of those sets and were matched again
   * @param changed of those, the ones whose matches triage reads differently (marked for re-triage)
   */
  public record CategoryMapRefresh(
      Map<String, String> sets, int tips, int rematched, int changed) {}

  /**
   * Makes a changed VICS category map take effect for what is stored: for every set imported under
   * another map version ({@link #staleCategoryMap}), re-matches the tips holding a match in it,
   * with {@code map} (the categories are stored as the set file gave them, so re-deriving is
   * reading them again), marks the tips whose matches changed for re-triage with {@code reason},
   * and then records {@code map}'s label on those sets. Tips without such a match are not touched:
   * a map changes what a match means, never whether an entry matches. Nothing to do when no set is
   * stale.
   */
  public CategoryMapRefresh applyCategoryMap(
      VicsCategoryMap map, String reason, Progress progress) {
    List<StoredHashSet> stale = staleCategoryMap(map);
    Map<String, String> was = new java.util.LinkedHashMap<>();
    for (StoredHashSet s : stale) {
      was.put(s.info().name(), s.categoryMap().orElse("none"));
    }
    if (stale.isEmpty()) {
      return new CategoryMapRefresh(Map.of(), 0, 0, 0);
    }
    java.util.Set<String> names = was.keySet();
    int[] rematched = {0};
    Rematch r =
        rematchPages(
            matcher().withCategoryMap(map),
            reason,
            progress,
            PAGE_SIZE,
            stored -> {
              boolean hit =
                  stored.isPresent()
                      && stored.get().files().stream()
                          .flatMap(f -> f.matches().stream())
                          .anyMatch(m -> names.contains(m.setName()));
              if (hit) {
                rematched[0]++;
              }
              return hit;
            });
    for (StoredHashSet s : stale) {
      sets.recordCategoryMap(s.id(), map.label());
    }
    return new CategoryMapRefresh(was, r.tips(), rematched[0], r.changed());
  }

  private Rematch rematchPages(
      HashMatcher m,
      String reason,
      Progress progress,
      int pageSize,
      java.util.function.Predicate<Optional<TipHashMatches>> select) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
    }
    int total = (int) Math.min(Integer.MAX_VALUE, sets.tipCount());
    int done = 0;
    int changed = 0;
    long after = Long.MIN_VALUE;
    while (true) {
      List<HashSetRepository.TipRef> page = sets.tipPage(after, pageSize);
      if (page.isEmpty()) {
        break;
      }
      after = page.get(page.size() - 1).tip().value();
      Map<HashSetRepository.TipRef, HashSetRepository.StoredMatches> stored =
          sets.findMatches(page);
      List<HashSetRepository.TipRef> chosen = new ArrayList<>();
      for (HashSetRepository.TipRef ref : page) {
        if (select.test(Optional.ofNullable(stored.get(ref)).map(x -> x.matches()))) {
          chosen.add(ref);
        }
      }
      changed += rematchPage(m, chosen, stored, reason);
      done += page.size();
      progress.done(Math.min(done, total), Math.max(done, total));
    }
    return new Rematch(done, changed);
  }

  /** Matches one page of tips and stores it in one transaction; the number marked. */
  private int rematchPage(
      HashMatcher m,
      List<HashSetRepository.TipRef> page,
      Map<HashSetRepository.TipRef, HashSetRepository.StoredMatches> stored,
      String reason) {
    if (page.isEmpty()) {
      return 0;
    }
    Map<AgencyId, List<TipId>> byAgency = new java.util.LinkedHashMap<>();
    for (HashSetRepository.TipRef ref : page) {
      byAgency.computeIfAbsent(ref.agency(), a -> new ArrayList<>()).add(ref.tip());
    }
    Map<HashSetRepository.TipRef, Tip> found = new java.util.HashMap<>();
    byAgency.forEach(
        (agency, ids) ->
            tips.findAll(agency, ids)
                .forEach((id, t) -> found.put(new HashSetRepository.TipRef(agency, id), t)));
    List<HashSetRepository.TipRef> present = page.stream().filter(found::containsKey).toList();
    Map<HashSetRepository.TipRef, Map<Integer, org.tiptrace.hash.content.ComputedHashes>> computed =
        sets.findComputed(present);
    List<HashMatcher.Subject> subjects = new ArrayList<>();
    for (HashSetRepository.TipRef ref : present) {
      subjects.add(
          new HashMatcher.Subject(found.get(ref).report(), computed.getOrDefault(ref, Map.of())));
    }
    List<TipHashMatches> now = m.matchAll(subjects);
    List<HashSetRepository.MatchUpdate> updates = new ArrayList<>();
    for (int i = 0; i < present.size(); i++) {
      HashSetRepository.TipRef ref = present.get(i);
      TipHashMatches n = now.get(i);
      List<FileMatches> before =
          Optional.ofNullable(stored.get(ref))
              .map(x -> x.matches().files())
              .orElseGet(() -> unchecked(n.files().size()));
      boolean changed = !triageView(before).equals(triageView(n.files()));
      updates.add(
          new HashSetRepository.MatchUpdate(
              ref, n, changed ? Optional.of(reason) : Optional.empty()));
    }
    java.util.Set<HashSetRepository.TipRef> written = sets.replaceMatches(updates, clock.instant());
    int marked = 0;
    for (HashSetRepository.MatchUpdate u : updates) {
      if (u.retriageReason().isPresent() && written.contains(u.tip())) {
        marked++;
      }
    }
    return marked;
  }

  /**
   * One tip matched again.
   *
   * @param now the matches stored
   * @param changed whether triage reads them differently from before (then the tip was marked)
   */
  public record Change(TipHashMatches now, boolean changed) {}

  /**
   * Matches the agency's tip again (after Tiptrace computed hashes of a file's bytes, say) and
   * stores the result; when triage would read it differently, marks the tip for re-triage with
   * {@code reason}, as {@link #rematchAll} does.
   *
   * @return the outcome, or empty when the tip is not the agency's
   */
  public Optional<Change> rematch(AgencyId agency, TipId id, String reason) {
    Optional<Change> c = matchAndStore(agency, id, matcher());
    if (c.isPresent() && c.get().changed()) {
      sets.markForRetriage(agency, id, reason, clock.instant());
    }
    return c;
  }

  private Optional<Change> matchAndStore(AgencyId agency, TipId id, HashMatcher m) {
    Optional<Tip> tip = tips.find(agency, id);
    if (tip.isEmpty()) {
      return Optional.empty();
    }
    TipHashMatches now = m.match(tip.get().report(), sets.findComputed(agency, id));
    List<FileMatches> before =
        sets.findMatches(agency, id)
            .map(s -> s.matches().files())
            .orElseGet(() -> unchecked(now.files().size()));
    if (!sets.replaceMatches(agency, id, now, clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(new Change(now, !triageView(before).equals(triageView(now.files()))));
  }

  /**
   * What triage reads of the matches: a new version of a set that matches the same way is no reason
   * to triage again, so the version is left out of the comparison.
   */
  private static List<FileMatches> triageView(List<FileMatches> files) {
    List<FileMatches> out = new ArrayList<>();
    for (FileMatches f : files) {
      List<HashMatch> ms = new ArrayList<>();
      for (HashMatch m : f.matches()) {
        ms.add(
            new HashMatch(
                m.setName(),
                "",
                m.kind(),
                m.category(),
                m.series(),
                m.victimIdentified(),
                m.method(),
                m.digest(),
                m.distance(),
                m.source(),
                m.variant()));
      }
      out.add(new FileMatches(f.fileIndex(), f.verdict(), ms));
    }
    return out;
  }

  private static List<FileMatches> unchecked(int files) {
    List<FileMatches> out = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      out.add(new FileMatches(i, FileVerdict.NOT_CHECKED, List.of()));
    }
    return out;
  }
}
