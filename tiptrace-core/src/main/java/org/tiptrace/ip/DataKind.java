package org.tiptrace.ip;

/** What an IP data source answers. */
public enum DataKind {
  /** Autonomous system number and organisation. */
  ASN,
  /** Country only. */
  COUNTRY,
  /** Country, region (state), city. */
  CITY
}
