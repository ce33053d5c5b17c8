package org.tiptrace.tip;

/** The ESP schema's {@code incidentType} enumeration. */
public enum IncidentType implements WireValue {
  CHILD_PORNOGRAPHY("Child Pornography (possession, manufacture, and distribution)"),
  CHILD_SEX_TRAFFICKING("Child Sex Trafficking"),
  CHILD_SEX_TOURISM("Child Sex Tourism"),
  CHILD_SEXUAL_MOLESTATION("Child Sexual Molestation"),
  MISLEADING_DOMAIN_NAME("Misleading Domain Name"),
  MISLEADING_WORDS_OR_IMAGES("Misleading Words or Digital Images on the Internet"),
  ONLINE_ENTICEMENT("Online Enticement of Children for Sexual Acts"),
  UNSOLICITED_OBSCENE_MATERIAL_TO_CHILD("Unsolicited Obscene Material Sent to a Child");

  private final String wire;

  IncidentType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
