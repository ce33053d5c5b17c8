package org.tiptrace.evidence;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tiptrace.legal.Citation;
import org.tiptrace.legal.GateBasis;
import org.tiptrace.legal.GateMode;
import org.tiptrace.legal.GateScope;

/**
 * What the gate decided for one file's content or EXIF, and why.
 *
 * @param basis what opened it, {@link GateBasis#NONE} when blocked
 * @param warrant the warrant that opened it, when the basis is {@link GateBasis#WARRANT}
 * @param ruleId the rule applied ({@code GATE_ESP_VIEWED})
 * @param ruleSet the rule set and its version ({@code viewing-gate v1 (effective 2026-11-23)})
 * @param jurisdiction the jurisdiction entry applied ({@code US-CA9}, {@code US-default})
 * @param mode that entry's mode
 * @param jurisdictionCitations that entry's citations
 * @param circuit the tip's federal circuit; empty when unknown (then the default entry applies)
 * @param location where the gate placed the tip and from what ({@link TipJurisdiction#describe()})
 * @param reason this file's facts in words ({@code fileViewedByEsp = unknown, …})
 * @param explanation the whole decision in words, ending with the rule set's notice
 */
public record GateDecision(
    FileRef file,
    GateScope scope,
    GateVerdict verdict,
    GateBasis basis,
    Optional<WarrantId> warrant,
    String ruleId,
    List<Citation> citations,
    String ruleSet,
    int ruleSetVersion,
    String jurisdiction,
    GateMode mode,
    List<Citation> jurisdictionCitations,
    Optional<String> circuit,
    String location,
    String reason,
    String explanation) {
  public GateDecision {
    citations = List.copyOf(citations);
    jurisdictionCitations = List.copyOf(jurisdictionCitations);
    if ((verdict == GateVerdict.ALLOWED) == (basis == GateBasis.NONE)) {
      throw new IllegalArgumentException("an allowed decision has a basis, a blocked one none");
    }
    if (warrant.isPresent() != (basis == GateBasis.WARRANT)) {
      throw new IllegalArgumentException("a warrant basis names its warrant, no other does");
    }
  }

  public boolean allowed() {
    return verdict == GateVerdict.ALLOWED;
  }

  /** One line for the audit log: verdict, basis, warrant, rule and version. */
  public String auditDetail() {
    return scope.name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + verdict
        + " basis="
        + basis
        + warrant.map(w -> " warrant=" + w).orElse("")
        + " rule="
        + ruleId
        + " ruleSet="
        + ruleSet
        + " jurisdiction="
        + jurisdiction
        + " mode="
        + mode.name().toLowerCase(java.util.Locale.ROOT)
        + " circuit="
        + circuit.orElse("unknown")
        + " location=\""
        + location
        + "\""
        + " citations="
        + citations.stream().map(Citation::key).collect(Collectors.joining(","));
  }
}
