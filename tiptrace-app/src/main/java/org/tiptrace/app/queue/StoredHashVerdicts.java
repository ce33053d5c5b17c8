package org.tiptrace.app.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tiptrace.hash.sets.FileMatches;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.tip.Tip;
import org.tiptrace.triage.HashVerdict;
import org.tiptrace.triage.HashVerdictSource;

/**
 * Triage's hash verdicts from the matches the hash step stored for the tip: one verdict per file,
 * {@link HashVerdict#NOT_CHECKED} for a file (or a whole tip) never matched, so "not matched yet"
 * never reads as "no match".
 */
public final class StoredHashVerdicts implements HashVerdictSource {
  private final HashSetRepository hashSets;

  public StoredHashVerdicts(HashSetRepository hashSets) {
    this.hashSets = hashSets;
  }

  @Override
  public List<HashVerdict> verdicts(Tip tip) {
    int files = tip.report().files().size();
    List<HashVerdict> out = new ArrayList<>(files);
    for (int i = 0; i < files; i++) {
      out.add(HashVerdict.NOT_CHECKED);
    }
    Optional<HashSetRepository.StoredMatches> stored = hashSets.findMatches(tip.agency(), tip.id());
    if (stored.isEmpty()) {
      return out;
    }
    for (FileMatches file : stored.get().matches().files()) {
      if (file.fileIndex() >= 0 && file.fileIndex() < files) {
        // The two enums share their names; the hash stage does not depend on triage.
        out.set(file.fileIndex(), HashVerdict.valueOf(file.verdict().name()));
      }
    }
    return out;
  }
}
