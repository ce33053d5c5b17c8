package org.tiptrace.triage;

/** Queue tiers, most urgent first. */
public enum Tier {
  /** Act today. */
  TIER_1,
  TIER_2,
  TIER_3,
  TIER_4,
  /** A meme or viral share with no other indicator of risk: kept, counted, not worked. */
  INFORMATIONAL;

  /** 1..4, or 5 for informational. */
  public int rank() {
    return ordinal() + 1;
  }
}
