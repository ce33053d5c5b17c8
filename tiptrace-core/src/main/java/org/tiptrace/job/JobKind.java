package org.tiptrace.job;

import java.util.Locale;
import java.util.Optional;

/** What a job does; the label is what the API shows and the store keeps. */
public enum JobKind {
  IP_REASSESS("ip-reassess"),
  HASHSET_IMPORT("hashset-import"),
  HASHSET_REMOVE("hashset-remove"),
  /**
   * Stored matches of sets imported under another VICS category map version re-derived with the
   * current map (national: recorded under {@code tiptrace.national} when started at start-up).
   */
  HASHSET_CATEGORY_MAP("hashset-category-map"),
  /** Every stored tip scored again after a triage rule-set version was activated. */
  RULES_RESCORE("rules-rescore");

  private final String label;

  JobKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<JobKind> fromLabel(String label) {
    String l = label.toLowerCase(Locale.ROOT);
    for (JobKind k : values()) {
      if (k.label.equals(l)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
