package org.tiptrace.rules;

import java.util.Locale;
import java.util.Optional;

/** The two kinds of rule set an administrator can version. */
public enum RuleKind {
  /** The triage rules ({@code org/tiptrace/triage/triage-rules.yaml}, {@code TriageRules}). */
  TRIAGE("triage", "/org/tiptrace/triage/triage-rules.yaml"),
  /**
   * The file-viewing gate ({@code org/tiptrace/legal/viewing-gate-rules.yaml}, {@code
   * GateRuleSet}): a legal rule set, so a version activates only with a recorded counsel review.
   */
  VIEWING_GATE("viewing-gate", "/org/tiptrace/legal/viewing-gate-rules.yaml");

  private final String slug;
  private final String resource;

  RuleKind(String slug, String resource) {
    this.slug = slug;
    this.resource = resource;
  }

  /** The URL and CLI name: {@code triage}, {@code viewing-gate}. */
  public String slug() {
    return slug;
  }

  /** The classpath location of the file shipped in the jar (stored as version 1). */
  public String resource() {
    return resource;
  }

  /** The kind named by its slug or its constant name, any case. */
  public static Optional<RuleKind> fromSlug(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    for (RuleKind k : values()) {
      if (k.slug.equals(t) || k.name().toLowerCase(Locale.ROOT).equals(t)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
