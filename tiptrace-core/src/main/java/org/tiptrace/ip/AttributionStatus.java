package org.tiptrace.ip;

/**
 * The headline result of attribution for one IP capture. When several rules object, the status is
 * the first of them in this declaration order (most decisive first): an address that is a Tor exit
 * is reported as {@link #TOR_EXIT} even if it also lacks a port, because no subscriber request
 * should go to its ISP whatever the port. Every objection stays in the findings.
 */
public enum AttributionStatus {
  /** IP_PARSE: not an IP literal. */
  INVALID_IP,
  /** IP_NONROUTABLE: a special-purpose address; tell the ESP the capture is unusable. */
  NON_ROUTABLE,
  /** TOR: a Tor exit at the event instant; no ISP subpoena. */
  TOR_EXIT,
  /** VPN_DC: on a VPN or datacenter list; process goes to that provider. */
  VPN_OR_HOSTING,
  /** IP_PORT: IPv4 behind CGNAT, mobile, or CGNAT unknown, without a source port. */
  NEEDS_PORT,
  /** TZ_ZONE, TZ_12H, TZ_DST: the instant is not known exactly. */
  TIME_AMBIGUOUS,
  /** SHARED_NET: the address served many unrelated accounts around the event. */
  SHARED_NETWORK,
  /** No rule objects: a subscriber request can be prepared. */
  ATTRIBUTABLE
}
