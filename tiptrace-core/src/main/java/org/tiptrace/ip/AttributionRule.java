package org.tiptrace.ip;

/**
 * The attribution rules, in the order of the rule table in shared/reference/ip-attribution.md §2
 * (declaration order = evaluation order; a test asserts it). {@link #SHARED_NET} is Tiptrace's own
 * addition and runs after ESP_PROXY.
 */
public enum AttributionRule {
  IP_PARSE,
  IP_NONROUTABLE,
  IP_PORT,
  IP_V6,
  TZ_ZONE,
  TZ_12H,
  TZ_DST,
  /** Needs the ISP's return (lease start/end); evaluated when the return is recorded, not here. */
  LEASE_EDGE,
  RETENTION,
  TOR,
  VPN_DC,
  ESP_PROXY,
  SHARED_NET,
  GEO;

  /** The id as written in the reference. */
  public String id() {
    return name();
  }
}
