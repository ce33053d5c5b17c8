package org.tiptrace.ip;

import java.util.List;
import java.util.Optional;

/**
 * Which agency should receive a case, for triage. Geolocation picks a jurisdiction only; it never
 * locates a household or a person.
 *
 * @param outcome {@link Outcome#ROUTED} with an agency, {@link Outcome#INTERNATIONAL_REFERRAL} with
 *     the agency that refers it abroad, or {@link Outcome#REVIEW} for a person to decide (location
 *     unknown, conflicting, or no route for it)
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
    /** All locations agree on a place in the home country with a route. */
    ROUTED,
    /** All locations agree on a foreign country: referred abroad through the named agency. */
    INTERNATIONAL_REFERRAL,
    /** Unknown, conflicting, or no route: a person decides. */
    REVIEW
  }
}
