package org.tiptrace.ip;

import java.util.List;
import java.util.Optional;

/**
 * Which agency should receive a case, for triage. Geolocation picks a jurisdiction only; it never
 * locates a household or a person.
 *
 * @param outcome {@link Outcome#ROUTED} with an agency, or {@link Outcome#REVIEW} for a person to
 *     decide (location unknown, conflicting, or no route for it)
 * @param internationalReferral the location is outside the home country
 * @param reasons why, in plain words
 * @param evidence each location seen, with where it came from
 */
public record RoutingDecision(
    Outcome outcome,
    Optional<String> agency,
    boolean internationalReferral,
    Optional<String> country,
    Optional<String> region,
    List<String> reasons,
    List<String> evidence) {
  public RoutingDecision {
    reasons = List.copyOf(reasons);
    evidence = List.copyOf(evidence);
  }

  /** The kind of decision. */
  public enum Outcome {
    ROUTED,
    REVIEW
  }
}
