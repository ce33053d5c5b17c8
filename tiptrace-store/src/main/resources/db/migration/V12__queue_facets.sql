-- The investigator's queue filtered, ordered and paged in SQL (issue 6): each stored triage result
-- carries its tip's queue facets (countries the report points to, flags), derived from the report
-- by org.tiptrace.triage.QueueFacets and written with the result by JdbcTriageStore.replace.
-- `facets` (JSON, for display) is null for results stored before V12; JdbcTriageStore.unscored
-- completes them from the tips' documents. `triage_facet` holds the same values one per row, for
-- filtering (EXISTS) and for the page's lists of countries and flags.
ALTER TABLE triage_result ADD COLUMN facets TEXT;

CREATE TABLE triage_facet (
  tip_id BIGINT      NOT NULL,
  agency VARCHAR(64) NOT NULL,
  kind   VARCHAR(16) NOT NULL, -- COUNTRY | FLAG
  facet  VARCHAR     NOT NULL,
  CONSTRAINT triage_facet_pk PRIMARY KEY (tip_id, kind, facet),
  CONSTRAINT triage_facet_tip_fk FOREIGN KEY (tip_id) REFERENCES tip (id)
);
-- Filter: tips of an agency with a given country or flag; the page's lists of choices.
CREATE INDEX triage_facet_lookup_ix ON triage_facet (agency, kind, facet, tip_id);
-- Deadline window filter ("due within N days") within an agency.
CREATE INDEX triage_result_deadline_ix ON triage_result (agency, deadline);
