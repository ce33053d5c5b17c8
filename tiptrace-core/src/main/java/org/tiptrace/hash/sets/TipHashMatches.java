package org.tiptrace.hash.sets;

import java.util.List;
import java.util.Objects;

/**
 * The matches of every file of one tip, in the order of {@code report.files()}.
 *
 * @param sets the enabled sets matched against ("name version", comma separated; or "no hash sets")
 */
public record TipHashMatches(List<FileMatches> files, String sets) {
  public TipHashMatches {
    files = List.copyOf(files);
    Objects.requireNonNull(sets, "sets");
  }

  /** The verdict per file, in file order. */
  public List<FileVerdict> verdicts() {
    return files.stream().map(FileMatches::verdict).toList();
  }
}
