package org.tiptrace.app.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.ip.RoutingDecision;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TriState;
import org.tiptrace.triage.AttributionStatus;
import org.tiptrace.triage.IpSignal;

/**
 * The triage's IP signals read from the stored assessments of a tip (the JSON {@link
 * AssessmentRepository.Stored} keeps), with the same translation as {@code AgencyTriage.signal}:
 * only an attribution an ISP can still answer keeps its deadline, and only while it is not past.
 */
public final class StoredIpSignals {
  private StoredIpSignals() {}

  static List<IpSignal> of(AssessmentRepository.Stored stored) {
    List<IpSignal> out = new ArrayList<>();
    for (JsonNode a : stored.assessments()) {
      String ip = a.path("ip").isTextual() ? a.get("ip").asText() : a.path("rawIp").asText("");
      AttributionStatus status =
          switch (a.path("status").asText("")) {
            case "ATTRIBUTABLE" -> AttributionStatus.ATTRIBUTABLE;
            case "NEEDS_PORT" -> AttributionStatus.NEEDS_PORT;
            case "TIME_AMBIGUOUS" -> AttributionStatus.NEEDS_TIME;
            case "TOR_EXIT", "VPN_OR_HOSTING", "SHARED_NETWORK", "NON_ROUTABLE", "INVALID_IP" ->
                AttributionStatus.ANONYMISED;
            default -> AttributionStatus.NOT_CHECKED;
          };
      boolean askable =
          status == AttributionStatus.ATTRIBUTABLE
              || status == AttributionStatus.NEEDS_PORT
              || status == AttributionStatus.NEEDS_TIME;
      JsonNode d = a.path("deadline");
      String signal = d.path("signal").asText("");
      Optional<Instant> deadline =
          askable
                  && (signal.equals("WITHIN_RETENTION") || signal.equals("PRESERVE_NOW"))
                  && d.path("likelyGoneAt").isTextual()
              ? Optional.of(Instant.parse(d.get("likelyGoneAt").asText()))
              : Optional.empty();
      out.add(new IpSignal(ip, status, deadline));
    }
    return out;
  }

  /**
   * Whether the tip's stored routing decision sends it to {@code agency}: TRUE when routed to it,
   * FALSE when routed to another agency or referred abroad, UNKNOWN when under review or never
   * routed.
   */
  public static TriState inJurisdiction(
      AgencyId agency, Optional<AssessmentRepository.Stored> stored) {
    Optional<JsonNode> routing = stored.flatMap(AssessmentRepository.Stored::routingTree);
    if (routing.isEmpty()) {
      return TriState.UNKNOWN;
    }
    String outcome = routing.get().path("outcome").asText("");
    String to = routing.get().path("agency").asText("");
    if (outcome.equals(RoutingDecision.Outcome.ROUTED.name())) {
      return to.equalsIgnoreCase(agency.code()) ? TriState.TRUE : TriState.FALSE;
    }
    return outcome.equals(RoutingDecision.Outcome.INTERNATIONAL_REFERRAL.name())
        ? TriState.FALSE
        : TriState.UNKNOWN;
  }
}
