package org.tiptrace.ip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;

/**
 * The IP assessments computed for each tip, agency-scoped like the tips themselves. A tip has at
 * most one stored set: computing again replaces it.
 */
public interface AssessmentRepository {

  /**
   * One tip's stored assessments.
   *
   * @param dataSets what the attribution was computed with (files, mode), for the reader
   * @param computedAt when it was computed (the environment's clock)
   * @param json the canonical JSON ({@link TipJson}) array of {@link IpEventAssessment}s, in the
   *     order {@link IpAttribution#assess(org.tiptrace.tip.Report, EventContext)} returned them
   * @param routing the canonical JSON of the tip's {@link RoutingDecision}; empty when the set was
   *     stored without one (before routing was stored)
   */
  record Stored(
      TipId tip, String dataSets, Instant computedAt, String json, Optional<String> routing) {
    public Stored {
      Objects.requireNonNull(tip, "tip");
      Objects.requireNonNull(dataSets, "dataSets");
      Objects.requireNonNull(computedAt, "computedAt");
      Objects.requireNonNull(json, "json");
      Objects.requireNonNull(routing, "routing");
    }

    public Stored(TipId tip, String dataSets, Instant computedAt, String json) {
      this(tip, dataSets, computedAt, json, Optional.empty());
    }

    /** The routing decision as a JSON tree (an object), for embedding in an output document. */
    public Optional<JsonNode> routingTree() {
      return routing.map(AssessmentRepository::tree);
    }

    /** The assessments as a JSON tree (an array), for embedding in an output document. */
    public JsonNode assessments() {
      return tree(json);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return TipJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The canonical JSON of a routing decision, as {@link Stored#routing()} keeps it. */
  static String toJson(RoutingDecision routing) {
    return TipJson.write(routing);
  }

  /**
   * A tip whose stored routing decision is {@link RoutingDecision.Outcome#REVIEW}.
   *
   * @param routing the decision's canonical JSON
   */
  record ReviewItem(TipId tip, Instant computedAt, String routing) {
    public ReviewItem {
      Objects.requireNonNull(tip, "tip");
      Objects.requireNonNull(computedAt, "computedAt");
      Objects.requireNonNull(routing, "routing");
    }

    public JsonNode routingTree() {
      return tree(routing);
    }
  }

  /** The canonical JSON of {@code assessments}, as {@link Stored#json()} keeps it. */
  static String toJson(List<IpEventAssessment> assessments) {
    return TipJson.write(List.copyOf(assessments));
  }

  /**
   * Stores {@code assessments} for the agency's tip, replacing any earlier set. Does nothing when
   * the tip does not belong to {@code agency}.
   *
   * @return whether the tip was found for the agency (and the set stored)
   */
  default boolean replace(
      AgencyId agency,
      TipId tip,
      String dataSets,
      Instant computedAt,
      List<IpEventAssessment> assessments) {
    return replace(agency, tip, dataSets, computedAt, assessments, Optional.empty());
  }

  /**
   * Stores {@code assessments} and the tip's routing decision, replacing any earlier set; as {@link
   * #replace(AgencyId, TipId, String, Instant, List)}.
   */
  boolean replace(
      AgencyId agency,
      TipId tip,
      String dataSets,
      Instant computedAt,
      List<IpEventAssessment> assessments,
      Optional<RoutingDecision> routing);

  /**
   * The agency's tips whose routing needs a person (outcome REVIEW), ascending by tip id.
   *
   * @param limit at most this many, 1..1000
   */
  List<ReviewItem> routingReview(AgencyId agency, int offset, int limit);

  /** The agency's stored set for the tip; empty when none or another agency's tip. */
  Optional<Stored> find(AgencyId agency, TipId tip);
}
