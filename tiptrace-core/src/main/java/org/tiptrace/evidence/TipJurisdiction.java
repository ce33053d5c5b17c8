package org.tiptrace.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tiptrace.legal.CircuitTable;
import org.tiptrace.legal.CircuitTable.Circuit;

/**
 * Where the gate places a tip, from the tip's stored routing decision: the country and region
 * routing agreed on and the federal circuit of that region. Only a {@code ROUTED} decision places a
 * tip; with no decision, a {@code REVIEW} (unknown or conflicting locations) or a region outside
 * the circuit table the circuit is unknown, and the rule set's strict default decides. Unknown is
 * never relaxed.
 *
 * @param country the routed country, when routing placed the tip
 * @param region the routed region, when routing placed the tip
 * @param circuit the region's federal circuit; empty when unknown
 * @param basis where this came from, in words ({@code routing ROUTED US/CA})
 */
public record TipJurisdiction(
    Optional<String> country, Optional<String> region, Optional<Circuit> circuit, String basis) {

  /** Nothing known about the tip's place. */
  public static TipJurisdiction unknown(String why) {
    return new TipJurisdiction(Optional.empty(), Optional.empty(), Optional.empty(), why);
  }

  /**
   * Reads a stored routing decision ({@code AssessmentRepository.Stored#routingTree()}).
   *
   * @param routing the decision's JSON tree; empty when none is stored
   */
  public static TipJurisdiction of(Optional<JsonNode> routing, CircuitTable circuits) {
    if (routing.isEmpty()) {
      return unknown("no stored routing decision");
    }
    JsonNode r = routing.get();
    String outcome = r.path("outcome").asText("");
    Optional<String> country = text(r.path("country"));
    Optional<String> region = text(r.path("region"));
    String place = country.orElse("?") + region.map(g -> "/" + g).orElse("");
    if (!outcome.equals("ROUTED")) {
      List<String> reasons = new ArrayList<>();
      r.path("reasons").forEach(n -> reasons.add(n.asText("")));
      return unknown(
          "routing "
              + (outcome.isEmpty() ? "(no outcome)" : outcome)
              + (country.isPresent() ? " " + place : "")
              + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons))
              + "; only a ROUTED decision places a tip");
    }
    Optional<Circuit> circuit = circuits.circuitOf(country, region);
    return new TipJurisdiction(
        country,
        region,
        circuit,
        "routing ROUTED "
            + place
            + (circuit.isPresent() ? "" : ", a region " + circuits.label() + " does not list"));
  }

  /** {@code US/CA, US-CA9 (Ninth Circuit)}, or {@code unknown (…)}. */
  public String describe() {
    if (circuit.isEmpty()) {
      return (country.isPresent()
              ? country.get() + region.map(r -> "/" + r).orElse("") + ", circuit unknown"
              : "unknown")
          + " ("
          + basis
          + ")";
    }
    return country.orElse("?")
        + region.map(r -> "/" + r).orElse("")
        + ", "
        + circuit.get().id()
        + " ("
        + circuit.get().name()
        + "; "
        + basis
        + ")";
  }

  private static Optional<String> text(JsonNode n) {
    return n.isTextual() && !n.textValue().isBlank()
        ? Optional.of(n.textValue().strip())
        : Optional.empty();
  }
}
