package org.tiptrace.app.system;

/**
 * What a user may do; {@link Permission} says which roles each action needs (the table is in
 * docs/architecture.md). A user's agency decides which tips. Names are stored in the account table:
 * add constants, never rename one.
 */
public enum Role {
  /** Reads and triages the agency's tips. */
  ANALYST,
  /** Works tips and cases: reads, submits documents, and (as features arrive) records actions. */
  INVESTIGATOR,
  /** An investigator who also oversees the agency's work. */
  SUPERVISOR,
  /** Reads the agency's tips and cases; changes nothing. */
  PROSECUTOR,
  /** Manages accounts and agency settings; sees no tip. */
  ADMINISTRATOR,
  /** A machine client that submits documents to intake. */
  INTAKE,
  /**
   * Registers and renames agencies: the one cross-agency act of administration (decision 0016).
   * Sees no tip and manages no agency's users.
   */
  SYSTEM_ADMINISTRATOR;

  /** The Spring Security authority, {@code ROLE_ANALYST}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
