package org.tiptrace.ip;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.tiptrace.tip.IpCaptureType;
import org.tiptrace.tip.TriState;

/**
 * The attribution of one IP capture: the normalised event, what the data sets say, every rule's
 * finding in rule order, the headline status, and the retention deadline.
 *
 * @param ip canonical text; empty when the address did not parse
 * @param rawIp the address text as received
 * @param ipVersion 4 or 6; 0 when invalid
 * @param delegatedPrefix for IPv6, the prefix to attribute ({@code 2001:db8:12:3400::/56})
 * @param enrichment empty only for invalid or non-routable addresses
 * @param isp the retention row applied; empty when not reached
 * @param deadline empty when not reached (invalid or non-routable)
 * @param reportId the CyberTipline report id, from the context
 * @param destination the ESP server address/port, from the context
 */
public record IpEventAssessment(
    Optional<String> ip,
    String rawIp,
    int ipVersion,
    OptionalInt port,
    Optional<IpCaptureType> eventName,
    TriState possibleProxy,
    EventTime time,
    AttributionStatus status,
    Confidence confidence,
    List<Finding> findings,
    Optional<Enrichment> enrichment,
    Optional<IspProfile> isp,
    Optional<String> delegatedPrefix,
    Optional<RetentionDeadline> deadline,
    Optional<String> reportId,
    Optional<String> destination) {
  public IpEventAssessment {
    findings = List.copyOf(findings);
  }

  /** The finding of a rule, if the rule ran. */
  public Optional<Finding> finding(AttributionRule rule) {
    return findings.stream().filter(f -> f.rule() == rule).findFirst();
  }

  /** True when some rule could not be checked (missing data or unknown instant). */
  public boolean incomplete() {
    return findings.stream().anyMatch(f -> f.result() == Finding.Result.NOT_CHECKED);
  }
}
