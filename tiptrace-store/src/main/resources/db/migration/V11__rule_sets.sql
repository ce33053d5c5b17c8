-- Versioned rule sets (org.tiptrace.rules.RuleSetRepository, docs/decisions/0011): the triage rules
-- and the viewing gate's rules as the YAML bytes an administrator submitted, national (shared by
-- every agency). Rows are only inserted; activation moves the one active flag of a kind.
CREATE TABLE rule_set_version (
  kind          VARCHAR(20)              NOT NULL, -- org.tiptrace.rules.RuleKind
  version       INTEGER                  NOT NULL, -- 1, 2, … per kind; the jar's file is the first
  file_version  VARCHAR(64)              NOT NULL, -- the version the file itself declares
  sha256        CHAR(64)                 NOT NULL, -- of bytes
  bytes         ${bytes_type}            NOT NULL, -- exactly as submitted
  submitted_by  VARCHAR(200)             NOT NULL,
  submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  note          VARCHAR(2000)            NOT NULL, -- why (required)
  active        BOOLEAN                  NOT NULL,
  CONSTRAINT rule_set_version_pk PRIMARY KEY (kind, version)
);
