package org.tiptrace.hash.sets;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.tiptrace.hash.pdq.PdqDihedral;
import org.tiptrace.tip.TriState;

/**
 * One match of one reported file against one entry.
 *
 * @param digest the matched hash of the file, {@code algorithm:hex}
 * @param distance the PDQ Hamming distance; empty for exact matches
 * @param source whether the file's hash was reported or computed by Tiptrace from the bytes
 * @param variant for a PDQ match computed from the bytes: which of the eight rotations and flips of
 *     the image matched; empty otherwise
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
    OptionalInt distance,
    HashSource source,
    Optional<PdqDihedral> variant) {
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
    if (source == null) {
      source = HashSource.REPORTED; // stored before computed hashes existed: reported only
    }
    if (variant == null) {
      variant = Optional.empty();
    }
  }

  /** A match of a reported hash. */
  public HashMatch(
      String setName,
      String setVersion,
      HashSetKind kind,
      Optional<String> category,
      Optional<String> series,
      TriState victimIdentified,
      MatchMethod method,
      String digest,
      OptionalInt distance) {
    this(
        setName,
        setVersion,
        kind,
        category,
        series,
        victimIdentified,
        method,
        digest,
        distance,
        HashSource.REPORTED,
        Optional.empty());
  }
}
