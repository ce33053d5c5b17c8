package org.tiptrace.triage;

/** What IP attribution ({@code org.tiptrace.ip}) says about one capture event. */
public enum AttributionStatus {
  /** An ISP request can name one subscriber (address, instant with zone, port if needed). */
  ATTRIBUTABLE,
  /** Carrier-grade NAT address without a source port: many subscribers. */
  NEEDS_PORT,
  /** The capture has no zone or no time: the instant is unknown. */
  NEEDS_TIME,
  /** A Tor exit, VPN or proxy: no subscriber behind it. */
  ANONYMISED,
  /** Resolves outside the agency's country: goes through international channels. */
  FOREIGN,
  /** Not checked (no attribution database): unknown, never "not attributable". */
  NOT_CHECKED
}
