-- Background jobs (org.tiptrace.job.JobRepository): hash-set imports and removals, IP
-- re-assessments. Written on every change of state and, throttled, of progress, so that a job
-- outlives the process; a job QUEUED or RUNNING when the process stopped is marked INTERRUPTED at
-- the next start. Depends on nothing.
CREATE TABLE job (
  id          VARCHAR(64)              NOT NULL,
  kind        VARCHAR(32)              NOT NULL, -- JobKind label
  agency      VARCHAR(64)              NOT NULL,
  owner_name  VARCHAR(200)             NOT NULL,
  state       VARCHAR(16)              NOT NULL, -- JobState
  phase       VARCHAR(32)              NOT NULL,
  done_count  BIGINT                   NOT NULL,
  total_count BIGINT                   NOT NULL,
  parameters  TEXT                     NOT NULL, -- JSON object of strings
  counters    TEXT                     NOT NULL, -- JSON object of numbers
  outcome     VARCHAR(4000),
  message     VARCHAR(4000),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at  TIMESTAMP WITH TIME ZONE,
  finished_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT job_pk PRIMARY KEY (id)
);
CREATE INDEX job_agency_ix ON job (agency, created_at);
CREATE INDEX job_state_ix ON job (state);
