package org.tiptrace.app.system;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The actions routes are authorised by, each with the roles allowed to do it: the one place that
 * says what a role may do. {@link SecurityConfig} maps routes to permissions; docs/architecture.md
 * has the same table for people.
 */
public enum Permission {
  /** List and show the agency's tips (API and pages). */
  READ_TIPS(Role.ANALYST, Role.INVESTIGATOR, Role.SUPERVISOR, Role.PROSECUTOR),
  /** Submit documents to intake. */
  SUBMIT_INTAKE(Role.INTAKE, Role.INVESTIGATOR, Role.SUPERVISOR),
  /** Record investigative work on the agency's tips and cases (warrants, notes, decisions). */
  WORK_TIPS(Role.INVESTIGATOR, Role.SUPERVISOR),
  /** Supervise: reassign, close, review the agency's work. */
  SUPERVISE(Role.SUPERVISOR),
  /** Manage the agency's accounts, tokens and settings. */
  ADMINISTER(Role.ADMINISTRATOR),
  /** List, register and rename agencies (every agency: decision 0016). */
  MANAGE_AGENCIES(Role.SYSTEM_ADMINISTRATOR),
  /** Anything every signed-in person may do (the API description). */
  SIGNED_IN(Role.values());

  private final Set<Role> roles;

  Permission(Role... roles) {
    this.roles = Set.copyOf(EnumSet.copyOf(Arrays.asList(roles)));
  }

  public Set<Role> roles() {
    return roles;
  }

  /** The role names for {@code hasAnyRole}. */
  String[] roleNames() {
    return roles.stream().map(Role::name).sorted().toArray(String[]::new);
  }
}
