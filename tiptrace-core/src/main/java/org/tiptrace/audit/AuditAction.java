package org.tiptrace.audit;

/**
 * What an audited actor did. The name is part of the hashed encoding ({@link AuditChain}): add
 * constants, never rename or remove one that may already be in a log.
 */
public enum AuditAction {
  LOGIN_SUCCEEDED,
  LOGIN_FAILED,
  TIP_VIEWED,
  TIP_LISTED,
  DOCUMENT_INGESTED,
  HOTLINE_LOGIN_SUCCEEDED,
  HOTLINE_LOGIN_FAILED,
  HOTLINE_REPORT_FILED,
  /** A page of the agency's triage queue. */
  QUEUE_LISTED,
  /** A subject as the agency sees it (also when the answer is 404). */
  SUBJECT_VIEWED,
  /** A manual split of a subject. */
  SUBJECT_SPLIT,
  /** A manual merge of two subjects. */
  SUBJECT_MERGED,
  /** A deconfliction hold on a tip or subject. */
  HOLD_RECORDED
}
