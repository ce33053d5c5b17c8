package org.tiptrace.hash.sets;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.tiptrace.tip.TriState;

/**
 * One match of one reported file against one entry.
 *
 * @param digest the matched hash of the file, {@code algorithm:hex}
 * @param distance the PDQ Hamming distance; empty for exact matches
 */
public record HashMatch(
    String setName,
    String setVersion,
    HashSetKind kind,
    Optional<String> category,
    Optional<String> series,
    TriState victimIdentified,
    MatchMethod method,
    String digest,
    OptionalInt distance) {
  public HashMatch {
    Objects.requireNonNull(setName, "setName");
    Objects.requireNonNull(setVersion, "setVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(victimIdentified, "victimIdentified");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(distance, "distance");
  }
}
