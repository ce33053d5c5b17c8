package org.tiptrace.ip;

import java.util.Locale;

/** The kinds of offline IP data set an agency installs ({@code tiptrace ipdata import-*}). */
public enum IpDataKind {
  /** A MaxMind DB file: ASN, country or city. */
  MMDB("mmdb"),
  /** An ip-location-db CSV range file: ASN, country or city. */
  CSV("csv"),
  /** A TorDNSEL exit-list snapshot. */
  TOR("tor"),
  /** A VPN CIDR list (X4BNet layout). */
  VPN("vpn"),
  /** A datacenter/hosting CIDR list (X4BNet layout). */
  DATACENTER("datacenter");

  private final String label;

  IpDataKind(String label) {
    this.label = label;
  }

  /** The lower-case name used in descriptions and listings. */
  public String label() {
    return label;
  }

  /** Parses a label or enum name, any case. */
  public static IpDataKind parse(String text) {
    for (IpDataKind k : values()) {
      if (k.label.equals(text.strip().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown IP data kind '" + text + "'");
  }
}
