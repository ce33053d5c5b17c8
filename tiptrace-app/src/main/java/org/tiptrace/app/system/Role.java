package org.tiptrace.app.system;

/**
 * What a user may do. Every endpoint names the role it needs; a user's agency decides which tips.
 */
public enum Role {
  /** Read the agency's tips (list, show, pages). */
  ANALYST,
  /** Submit documents to intake. */
  INTAKE,
  /** Decide on subjects (manual split and merge) and record deconfliction holds. */
  INVESTIGATOR;

  /** The Spring Security authority, {@code ROLE_ANALYST}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
