package org.tiptrace.ip;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an ISP needs to find the subscriber behind one capture (reference §1). Built only for an
 * {@link AttributionStatus#ATTRIBUTABLE} capture. Legal process type and number, preservation and
 * non-disclosure references are added by the legal stage.
 *
 * @param ip canonical text (RFC 5952 for IPv6)
 * @param port the source port, when the ESP gave one
 * @param instantUtc the event instant in UTC to the second with {@code Z}
 * @param rawTimestamp the time exactly as the ESP wrote it
 * @param statedZone the offset in the text, or the configured region it was read in
 * @param destination the ESP server address/port, when known
 * @param reportId the CyberTipline report id
 * @param delegatedPrefix for IPv6, the subscriber prefix to ask about
 * @param isp the retention row's name (the ISP the request is for)
 * @param asn the network's ASN, when known
 * @param ask what to ask the ISP for
 */
public record IspRequest(
    String ip,
    OptionalInt port,
    String instantUtc,
    String rawTimestamp,
    String statedZone,
    Optional<String> destination,
    Optional<String> reportId,
    Optional<String> delegatedPrefix,
    String isp,
    Optional<Long> asn,
    List<String> ask) {
  public IspRequest {
    ask = List.copyOf(ask);
  }
}
