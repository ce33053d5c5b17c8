package org.tiptrace.link;

/**
 * The kinds of identifier the linker extracts, each with the weight it adds to an association when
 * it is weak. Strength is decided per identifier by {@link IdentifierExtractor}; the rationale of
 * each decision is on the constant.
 */
public enum IdentifierKind {
  /** STRONG when the ESP/service is known (the ESP's own account key); WEAK when unscoped. */
  ESP_USER_ID("ESP user id", 3),
  /** WEAK: screen names are renamed and re-used, and a common one recurs across people. */
  SCREEN_NAME("screen name", 2),
  /** WEAK: the same screen name on another service is often a different person. */
  SCREEN_NAME_ANY_SERVICE("screen name on any service", 1),
  /** STRONG when verified by the ESP; WEAK otherwise (anyone can type any address). */
  EMAIL("email", 3),
  /** STRONG unless the ESP says it is unverified: platforms confirm phones by SMS. */
  PHONE("phone", 3),
  /** STRONG for hardware and install ids; WEAK for SSIDs and placeholder-length values. */
  DEVICE_ID("device id", 2),
  /** STRONG: a payment account is tied to one verified holder by the payment provider. */
  PAYMENT_ID("payment id", 3),
  /** WEAK: a profile URL carries the renameable screen name. */
  PROFILE_URL("profile URL", 2),
  /** WEAK: one IP on one day is a household, a café or a carrier NAT, never one person. */
  IP_DAY("IP address on one day", 1),
  /** WEAK: the same file is shared by thousands of unrelated people when it goes viral. */
  FILE_HASH("file", 1);

  private final String label;
  private final int associationWeight;

  IdentifierKind(String label, int associationWeight) {
    this.label = label;
    this.associationWeight = associationWeight;
  }

  /** Words used in evidence lines ("same phone …"). */
  public String label() {
    return label;
  }

  /** Points this identifier adds to an association between two subjects. */
  public int associationWeight() {
    return associationWeight;
  }
}
