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

  /**
   * Re-matches every stored tip of every agency against the current sets; a tip whose matches
   * differ from the stored ones (none stored reads as every file "not checked"; set versions are
   * not compared) is marked for re-triage with {@code reason}.
   */
  public Rematch rematchAll(String reason, Progress progress) {
    HashMatcher m = matcher();
    List<HashSetRepository.TipRef> all = sets.allTips();
    int changed = 0;
    int done = 0;
    for (HashSetRepository.TipRef ref : all) {
      Optional<Change> c = matchAndStore(ref.agency(), ref.tip(), m);
      if (c.isPresent() && c.get().changed()) {
        sets.markForRetriage(ref.agency(), ref.tip(), reason, clock.instant());
        changed++;
      }
      progress.done(++done, all.size());
    }
    return new Rematch(all.size(), changed);
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
