package org.tiptrace.link;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An investigator's split or merge. Kept as data so that it is re-applied on every re-link.
 *
 * <p>A {@link Kind#SPLIT} forbids any member of {@code sideA} to share a subject with any member of
 * {@code sideB}, whatever identifiers they share. A {@link Kind#MERGE} joins the subjects of {@code
 * sideA} and {@code sideB} whatever identifiers they lack.
 */
public record ManualDecision(
    Kind kind, Set<PersonRef> sideA, Set<PersonRef> sideB, String reason, String user, Instant at) {

  public enum Kind {
    SPLIT,
    MERGE
  }

  public ManualDecision {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    if (sideA.isEmpty() || sideB.isEmpty()) {
      throw new IllegalArgumentException(kind + " needs persons on both sides");
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException(kind + " needs a reason");
    }
    if (user.isBlank()) {
      throw new IllegalArgumentException(kind + " needs the user who decided");
    }
    sideA = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(sideA));
    sideB = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(sideB));
    for (PersonRef p : sideA) {
      if (sideB.contains(p)) {
        throw new IllegalArgumentException(kind + ": person " + p + " is on both sides");
      }
    }
  }

  /** The evidence line shown on the subject. */
  public String describe() {
    return "manual "
        + kind.name().toLowerCase(java.util.Locale.ROOT)
        + " by "
        + user
        + " at "
        + at
        + ": "
        + reason;
  }
}
