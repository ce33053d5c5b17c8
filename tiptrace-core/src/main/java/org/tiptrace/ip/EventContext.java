package org.tiptrace.ip;

import java.time.ZoneId;
import java.util.Optional;

/**
 * What attribution needs to know about a capture beyond the capture itself.
 *
 * @param reportId the CyberTipline report id
 * @param zoneRegion the zone region configured for the ESP (or agency) whose times lack an offset;
 *     empty when none is configured: such times stay unconverted
 * @param clockFormat how the ESP writes clock times
 * @param destination the ESP server address/port, when known
 * @param account the key of the account the capture belongs to (for SHARED_NET)
 * @param sightings sightings of addresses across tips (for SHARED_NET); empty = not checked
 */
public record EventContext(
    Optional<String> reportId,
    Optional<ZoneId> zoneRegion,
    ClockFormat clockFormat,
    Optional<String> destination,
    Optional<String> account,
    SharedNetworkIndex sightings) {

  /** A context with only a report id: no configured zone, unknown clock format, no sightings. */
  public static EventContext of(Optional<String> reportId) {
    return new EventContext(
        reportId,
        Optional.empty(),
        ClockFormat.UNKNOWN,
        Optional.empty(),
        Optional.empty(),
        SharedNetworkIndex.empty());
  }

  public EventContext withZoneRegion(ZoneId zone) {
    return new EventContext(
        reportId, Optional.of(zone), clockFormat, destination, account, sightings);
  }

  public EventContext withClockFormat(ClockFormat format) {
    return new EventContext(reportId, zoneRegion, format, destination, account, sightings);
  }

  public EventContext withDestination(String dest) {
    return new EventContext(
        reportId, zoneRegion, clockFormat, Optional.of(dest), account, sightings);
  }

  public EventContext withAccount(String key) {
    return new EventContext(
        reportId, zoneRegion, clockFormat, destination, Optional.of(key), sightings);
  }

  public EventContext withSightings(SharedNetworkIndex index) {
    return new EventContext(reportId, zoneRegion, clockFormat, destination, account, index);
  }
}
