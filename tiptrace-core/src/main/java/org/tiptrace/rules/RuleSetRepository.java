package org.tiptrace.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.tiptrace.tip.Sha256;

/**
 * The stored rule-set versions (national: shared by every agency). Exactly one version per kind is
 * active once the kind has any version. Versions are never changed or deleted.
 */
public interface RuleSetRepository {

  /** Every version of {@code kind}, oldest first. */
  List<StoredRuleSet> list(RuleKind kind);

  Optional<StoredRuleSet> find(RuleKind kind, int version);

  /** The version the app applies; empty only before the kind was seeded. */
  Optional<StoredRuleSet> active(RuleKind kind);

  /** The number of the active version, without its bytes: a cheap check for a change. */
  OptionalInt activeVersion(RuleKind kind);

  /**
   * Stores a new, inactive version numbered one above the highest stored one.
   *
   * @return the stored version
   */
  StoredRuleSet add(
      RuleKind kind,
      String fileVersion,
      byte[] bytes,
      Sha256 sha256,
      String submittedBy,
      Instant submittedAt,
      String note);

  /**
   * Makes {@code version} the only active version of its kind, in one transaction.
   *
   * @return false when there is no such version
   */
  boolean activate(RuleKind kind, int version);

  /**
   * When {@code kind} has no version yet, stores {@code bytes} as {@code version} (1 for the jar's
   * triage file; the gate file's own version, 1 today), active; concurrent starts store it once.
   *
   * @return the active version afterwards
   */
  StoredRuleSet seedIfEmpty(
      RuleKind kind, int version, String fileVersion, byte[] bytes, Instant at, String note);
}
