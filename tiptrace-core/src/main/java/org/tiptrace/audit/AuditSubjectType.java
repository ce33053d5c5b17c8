package org.tiptrace.audit;

/**
 * The kind of thing an audit entry is about. The name is part of the hashed encoding: add
 * constants, never rename or remove one.
 */
public enum AuditSubjectType {
  /** Nothing in particular (a login). */
  NONE,
  TIP,
  /** A page of the agency's tip list; the id says which ({@code offset=0,limit=50}). */
  TIP_LIST,
  /** A received document, by SHA-256. */
  DOCUMENT,
  HOTLINE_REPORT,
  /** A page of the routing review list; the id says which ({@code offset=0,limit=50}). */
  ROUTING_REVIEW,
  /** A background job, by id. */
  JOB,
  /** A linked subject, by its id ({@code S-t12/R0}) as requested. */
  SUBJECT,
  /** An account, by user name. */
  USER,
  /** An API token, by its number. */
  API_TOKEN,
  /** One file of a tip; the id is {@code <tip id>/<file id>}. */
  FILE,
  /** A recorded warrant; the id is {@code <tip id>/<warrant id>}. */
  WARRANT,
  /** A page of the triage queue; the id says which ({@code offset=0,limit=50,tier=…}). */
  QUEUE,
  /** A known-hash set, by name ({@code all} for the list). */
  HASH_SET,
  /** A stored rule-set version ({@code triage/v2}; {@code triage} or {@code all} for lists). */
  RULE_SET,
  /** An agency, by code ({@code all} for the list). */
  AGENCY,
}
