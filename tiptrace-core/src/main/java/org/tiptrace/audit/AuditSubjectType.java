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
  /** A page of the triage queue; the id says which ({@code offset=0,limit=50,tier=…}). */
  QUEUE,
  /** A linked subject, by id ({@code S-t12/R0}). */
  SUBJECT
}
