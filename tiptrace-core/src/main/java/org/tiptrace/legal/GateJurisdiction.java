package org.tiptrace.legal;

import java.util.List;
import java.util.Optional;

/**
 * A jurisdiction's entry in the gate's rule set: visible with its case law and citations, so
 * counsel can see why it is strict and relax it deliberately.
 *
 * @param id {@code US-default}, {@code US-CA9} …
 * @param mode strict, or relaxed by counsel
 * @param publicOpens whether a publicly available file opens without a warrant here
 * @param relaxedBasis what relaxing this entry would accept (documented); in force only when {@code
 *     mode} is {@link GateMode#RELAXED}, see {@link #relaxedBasisInForce()}
 * @param holding the controlling case law known here, in one sentence
 */
public record GateJurisdiction(
    String id,
    String name,
    GateMode mode,
    boolean publicOpens,
    Optional<RelaxedBasis> relaxedBasis,
    String holding,
    List<Citation> citations) {
  public GateJurisdiction {
    citations = List.copyOf(citations);
    if (mode == GateMode.RELAXED && relaxedBasis.isEmpty()) {
      throw new IllegalArgumentException("a relaxed entry names the basis it accepts");
    }
  }

  /** The relaxed basis when this entry is relaxed; empty for a strict entry. */
  public Optional<RelaxedBasis> relaxedBasisInForce() {
    return mode == GateMode.RELAXED ? relaxedBasis : Optional.empty();
  }
}
