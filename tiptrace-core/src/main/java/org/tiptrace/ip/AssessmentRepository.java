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
   */
  record Stored(TipId tip, String dataSets, Instant computedAt, String json) {
    public Stored {
      Objects.requireNonNull(tip, "tip");
      Objects.requireNonNull(dataSets, "dataSets");
      Objects.requireNonNull(computedAt, "computedAt");
      Objects.requireNonNull(json, "json");
    }

    /** The assessments as a JSON tree (an array), for embedding in an output document. */
    public JsonNode assessments() {
      try {
        return TipJson.mapper().readTree(json);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
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
  boolean replace(
      AgencyId agency,
      TipId tip,
      String dataSets,
      Instant computedAt,
      List<IpEventAssessment> assessments);

  /** The agency's stored set for the tip; empty when none or another agency's tip. */
  Optional<Stored> find(AgencyId agency, TipId tip);
}
