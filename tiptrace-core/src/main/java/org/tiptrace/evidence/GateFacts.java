package org.tiptrace.evidence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.hash.sets.HashSetKind;

/**
 * What the gate knows about a tip besides its report and warrants: where the tip is (from its
 * stored routing) and which of its files matched a known-abuse hash set (from the stored hash
 * matches). Only a relaxed jurisdiction entry reads the matches.
 *
 * @param knownAbuse per file index (position in the report), the file's matches against KNOWN_ABUSE
 *     sets; a file absent here matched none or was never matched
 */
public record GateFacts(TipJurisdiction jurisdiction, Map<Integer, List<HashMatch>> knownAbuse) {
  public GateFacts {
    Map<Integer, List<HashMatch>> copy = new HashMap<>();
    knownAbuse.forEach((index, matches) -> copy.put(index, List.copyOf(matches)));
    knownAbuse = Map.copyOf(copy);
    if (knownAbuse.values().stream()
        .flatMap(List::stream)
        .anyMatch(m -> m.kind() != HashSetKind.KNOWN_ABUSE)) {
      throw new IllegalArgumentException("only KNOWN_ABUSE matches belong in the gate's facts");
    }
  }

  /** Nothing known: the strict default decides and no hash match is on record. */
  public static GateFacts unknown() {
    return new GateFacts(TipJurisdiction.unknown("jurisdiction not looked up"), Map.of());
  }

  /** The known-abuse matches of the file at {@code index}. */
  public List<HashMatch> knownAbuse(int index) {
    return knownAbuse.getOrDefault(index, List.of());
  }
}
