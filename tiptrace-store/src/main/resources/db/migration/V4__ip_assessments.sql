-- The IP attribution of each tip (org.tiptrace.ip.AssessmentRepository): one row per tip, replaced
-- when computed again. Depends on V1 only.
CREATE TABLE tip_ip_assessment (
  tip_id      BIGINT                   NOT NULL,
  agency      VARCHAR(64)              NOT NULL,
  data_sets   VARCHAR                  NOT NULL, -- what it was computed with, for the reader
  computed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  assessments TEXT                     NOT NULL, -- canonical JSON array (org.tiptrace.tip.TipJson)
  CONSTRAINT tip_ip_assessment_pk PRIMARY KEY (tip_id),
  CONSTRAINT tip_ip_assessment_tip_fk FOREIGN KEY (tip_id) REFERENCES tip (id)
);
CREATE INDEX tip_ip_assessment_agency_ix ON tip_ip_assessment (agency, tip_id);
