package org.tiptrace.ip;

import java.util.List;
import java.util.Optional;

/**
 * One row of the ISP retention table.
 *
 * @param key the row's key (unique), e.g. {@code AS64500} or {@code comcast}
 * @param asn the autonomous system number the row applies to, when keyed by ASN
 * @param orgNames organisation names (case-insensitive, exact) that select the row
 * @param name display name
 * @param retentionDays how long the ISP is believed to keep IP assignment logs
 * @param cgnat whether the ISP puts subscribers behind carrier-grade NAT; empty = unknown
 * @param mobile a mobile carrier (treated like CGNAT for rule IP_PORT)
 * @param ipv6PrefixLength the prefix delegated to a subscriber (at most 64)
 * @param source the citation for the numbers
 */
public record IspProfile(
    String key,
    Optional<Long> asn,
    List<String> orgNames,
    String name,
    int retentionDays,
    Optional<Boolean> cgnat,
    boolean mobile,
    int ipv6PrefixLength,
    String source) {
  public IspProfile {
    orgNames = List.copyOf(orgNames);
  }

  /** True when a port is needed before a subscriber request: CGNAT, mobile, or CGNAT unknown. */
  public boolean portNeeded() {
    return mobile || cgnat.orElse(true);
  }
}
