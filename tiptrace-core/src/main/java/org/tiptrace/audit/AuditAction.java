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
  /** The routing review list (tips whose jurisdiction a person decides) was viewed. */
  ROUTING_REVIEW_LISTED,
  /** A re-assessment of the agency's tips with the current IP data was started. */
  IP_REASSESS_STARTED,
  /** A subject (linked persons) or its graph was viewed. */
  SUBJECT_VIEWED,
  /** A login refused without checking the password: too many recent failures. */
  LOGIN_THROTTLED,
  /** A wrong, reused or missing TOTP code at the second login step. */
  TOTP_FAILED,
  TOTP_SUCCEEDED,
  TOTP_ENROLLED,
  TOTP_RESET,
  LOGOUT,
  /** An API request authenticated by a bearer token. */
  TOKEN_USED,
  /** An unknown, expired or revoked bearer token. */
  TOKEN_REFUSED,
  TOKEN_CREATED,
  TOKEN_REVOKED,
  USER_ADDED,
  USER_DISABLED,
  USER_ENABLED,
  /** The viewing gate decided on a file (listed, or a request it blocked); detail: the basis. */
  FILE_GATE_DECIDED,
  /** A file's bytes were served; detail: the basis that allowed it. */
  FILE_CONTENT_VIEWED,
  /** A file's EXIF/metadata was served; detail: the basis that allowed it. */
  FILE_EXIF_VIEWED,
  /** A viewable image was unblurred on the page; detail: the basis. */
  FILE_REVEALED,
  /** A warrant was recorded; detail: number, court, date and the file ids it covers. */
  WARRANT_RECORDED,
  /** Bytes were attached to a reported file after their hashes were checked. */
  FILE_CONTENT_ATTACHED,
  /** A page of the agency's triage queue. */
  QUEUE_LISTED,
  /** A manual split of a subject. */
  SUBJECT_SPLIT,
  /** A manual merge of two subjects. */
  SUBJECT_MERGED,
  /** A deconfliction hold on a tip or subject. */
  HOLD_RECORDED,
  /** The national hash-set list was read. */
  HASH_SETS_LISTED,
  /** An administrator started importing a hash set (the upload is archived first). */
  HASH_SET_IMPORT_STARTED,
  /** An administrator started removing a hash set. */
  HASH_SET_REMOVE_STARTED,
  /** An administrator read a hash-set job's progress. */
  HASH_SET_JOB_VIEWED,
  /**
   * A changed VICS category map was applied to stored matches; detail: the sets and the map
   * versions they had, tips re-matched, tips whose matches changed (marked for re-triage).
   */
  HASH_SET_CATEGORY_MAP_APPLIED,
  /** An administrator started re-deriving the stored matches with the current category map. */
  HASH_SET_CATEGORY_MAP_STARTED,
  /** A job cut off by a restart (INTERRUPTED) was started again as a new job. */
  JOB_RERUN_STARTED,
  /** The stored rule-set versions were listed. */
  RULE_SETS_LISTED,
  /** A stored rule-set version (or its diff against the active one) was read. */
  RULE_SET_VIEWED,
  /** A new rule-set version was stored; detail: version, SHA-256, note. */
  RULE_SET_SUBMITTED,
  /** A submitted rule file was refused (nothing stored); detail: SHA-256 and the problems. */
  RULE_SET_REFUSED,
  /** A rule-set version was made active (or an activation refused); detail: from, to, note. */
  RULE_SET_ACTIVATED,
  /** An administrator read a rule-set re-scoring job's progress. */
  RULE_SET_JOB_VIEWED,
  /** An OIDC identity (issuer, subject) was linked to an account (CLI, or a verified email). */
  OIDC_LINKED,
  /** An account's OIDC identity of one issuer was removed. */
  OIDC_UNLINKED,
  /**
   * Tiptrace computed hashes (exact digests, PDQ) from the bytes it holds of a file, to match them:
   * no byte or pixel was shown, so this is not a view.
   */
  FILE_HASHES_COMPUTED,
  /** An administrator read the list of the agency's accounts (or one account). */
  USERS_LISTED,
  /** An account's roles were replaced; detail: before and after. */
  USER_ROLES_CHANGED,
  /** An account's password was reset by an administrator (never the password itself). */
  USER_PASSWORD_RESET,
  /** An agency was registered; detail: its name. */
  AGENCY_CREATED,
  /** An agency's display name changed; detail: before and after. */
  AGENCY_RENAMED,
  /** The agency list was read. */
  AGENCIES_LISTED,
  /**
   * A signed-in browser session was ended because its account changed after the sign-in (disabled,
   * removed, roles or agency changed, password or second factor reset); detail: the reason and the
   * refused request.
   */
  SESSION_REVOKED,
}
