package org.tiptrace.legal;

import java.util.List;

/**
 * A jurisdiction's entry in the gate's rule set: visible with its case law and citations, so
 * counsel can see why it is strict and relax it deliberately.
 *
 * @param id {@code US-default}, {@code US-CA9} …
 * @param publicOpens whether a publicly available file opens without a warrant here
 * @param holding the controlling case law known here, in one sentence
 */
public record GateJurisdiction(
    String id,
    String name,
    GatePolicy policy,
    boolean publicOpens,
    String holding,
    List<Citation> citations) {
  public GateJurisdiction {
    citations = List.copyOf(citations);
  }
}
