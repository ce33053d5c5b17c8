package org.tiptrace.legal;

/**
 * How a jurisdiction's entry in the gate's rule set treats files (legal-rules.md §3.1).
 *
 * <p>Every bundled entry is {@link #STRICT}. {@link #RELAXED} exists so that counsel can relax one
 * circuit deliberately, with a citation and a recorded review, where its case law accepts a hash
 * match as the platform's private search (Reddick, 5th Cir.; Miller, 6th Cir.); the rule file
 * refuses a relaxed default and a relaxed entry without a review.
 */
public enum GateMode {
  /** Only the ESP viewing this exact file, its being public, or a warrant opens it (Wilson). */
  STRICT,
  /** Also the entry's relaxed basis opens the content (never the EXIF). */
  RELAXED
}
