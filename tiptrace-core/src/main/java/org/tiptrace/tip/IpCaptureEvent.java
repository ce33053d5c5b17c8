package org.tiptrace.tip;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One IP capture: an address seen by the ESP at a time, optionally with the client's source port.
 *
 * <p>The port is kept whenever given: without it a carrier-grade-NAT address points at many
 * subscribers (shared/reference/ip-attribution.md, rule IP_PORT).
 *
 * @param ipAddress canonical text (IPv6 per RFC 5952), see {@link org.tiptrace.ip.IpAddresses}
 * @param rawIpAddress the text as received, when it differs from the canonical form
 * @param eventName the capture kind; absent when not stated
 * @param dateTime absent when the report gave no time (a gap for attribution)
 * @param possibleProxy the ESP's own proxy flag
 * @param port the client's source port, 0..65535
 */
public record IpCaptureEvent(
    String ipAddress,
    Optional<String> rawIpAddress,
    Optional<IpCaptureType> eventName,
    Optional<ReportedTime> dateTime,
    TriState possibleProxy,
    OptionalInt port) {}
