package org.tiptrace.hash.sets;

import java.util.List;
import java.util.Objects;

/**
 * The matches of one reported file.
 *
 * @param fileIndex position in {@code report.files()}
 */
public record FileMatches(int fileIndex, FileVerdict verdict, List<HashMatch> matches) {
  public FileMatches {
    Objects.requireNonNull(verdict, "verdict");
    matches = List.copyOf(matches);
  }
}
