package org.tiptrace.tip;

/**
 * Flags of {@code incidentSummary/reportAnnotations}; {@code informational} is schema drift seen in
 * 2026 clients.
 */
public enum ReportAnnotation implements WireValue {
  SEXTORTION("sextortion"),
  CSAM_SOLICITATION("csamSolicitation"),
  MINOR_TO_MINOR_INTERACTION("minorToMinorInteraction"),
  SPAM("spam"),
  SADISTIC_ONLINE_EXPLOITATION("sadisticOnlineExploitation"),
  INFORMATIONAL("informational");

  private final String wire;

  ReportAnnotation(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
