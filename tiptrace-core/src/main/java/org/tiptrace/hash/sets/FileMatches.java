package org.tiptrace.hash.sets;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tiptrace.hash.content.ComputedHashes;

/**
 * The matches of one reported file.
 *
 * @param fileIndex position in {@code report.files()}
 * @param computed the hashes Tiptrace computed from the file's bytes and matched beside the
 *     reported ones; empty when it holds no bytes of the file
 */
public record FileMatches(
    int fileIndex,
    FileVerdict verdict,
    List<HashMatch> matches,
    Optional<ComputedHashes> computed) {
  public FileMatches {
    Objects.requireNonNull(verdict, "verdict");
    matches = List.copyOf(matches);
    if (computed == null) {
      computed = Optional.empty(); // stored before computed hashes existed
    }
  }

  /** The matches of a file matched by its reported hashes only. */
  public FileMatches(int fileIndex, FileVerdict verdict, List<HashMatch> matches) {
    this(fileIndex, verdict, matches, Optional.empty());
  }
}
