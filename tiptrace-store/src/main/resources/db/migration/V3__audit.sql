-- Audit log: an append-only, hash-chained record of logins, views and changes. Owned by
-- org.tiptrace.store.audit.JdbcAuditLog; the chain and its encoding are org.tiptrace.audit.AuditChain.
--
-- Portable across H2 2.x and PostgreSQL 15. The code only ever INSERTs into audit_entry; nothing
-- updates or deletes a row, and `tiptrace audit verify` detects anything that did.

CREATE TABLE audit_entry (
  sequence       BIGINT                   NOT NULL, -- 1, 2, 3, ... without gaps
  format_version INTEGER                  NOT NULL, -- of the canonical encoding the hash covers
  at             TIMESTAMP WITH TIME ZONE NOT NULL,
  actor          VARCHAR(256)             NOT NULL,
  agency         VARCHAR(64),                        -- null when unknown (a failed login)
  action         VARCHAR(64)              NOT NULL, -- org.tiptrace.audit.AuditAction name
  subject_type   VARCHAR(32)              NOT NULL, -- org.tiptrace.audit.AuditSubjectType name
  subject_id     VARCHAR                  NOT NULL,
  detail         TEXT                     NOT NULL,
  previous_hash  CHAR(64)                 NOT NULL, -- lower-case hex SHA-256
  hash           CHAR(64)                 NOT NULL,
  CONSTRAINT audit_entry_pk PRIMARY KEY (sequence)
);
CREATE INDEX audit_entry_subject_ix ON audit_entry (agency, subject_type, subject_id);

-- The chain's head, one row. Appends lock it (SELECT ... FOR UPDATE) in the same transaction as
-- their insert, so they are serialised and the chain cannot fork. last_hash is null before the
-- first entry (the chain then starts at the genesis value).
CREATE TABLE audit_head (
  id            INTEGER  NOT NULL,
  last_sequence BIGINT   NOT NULL,
  last_hash     CHAR(64),
  CONSTRAINT audit_head_pk PRIMARY KEY (id),
  CONSTRAINT audit_head_single_ck CHECK (id = 1)
);
INSERT INTO audit_head (id, last_sequence, last_hash) VALUES (1, 0, NULL);
