-- Installed IP data sets (org.tiptrace.ip.IpDataRepository, docs/decisions/0008): the whole file
-- with its record, shared by every agency of the installation. Importing under a name replaces it.
CREATE TABLE ip_data_set (
  name        VARCHAR(100)             NOT NULL,
  kind        VARCHAR(20)              NOT NULL, -- org.tiptrace.ip.IpDataKind
  detail      VARCHAR(200)             NOT NULL, -- MMDB database_type, or csv:<kind>
  source_file VARCHAR(1000)            NOT NULL,
  sha256      CHAR(64)                 NOT NULL, -- of bytes, checked again on every load
  size_bytes  BIGINT                   NOT NULL,
  build       TIMESTAMP WITH TIME ZONE NOT NULL, -- MMDB build_epoch, else --built or file date
  imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
  bytes       ${bytes_type}            NOT NULL,
  CONSTRAINT ip_data_set_pk PRIMARY KEY (name)
);

-- The jurisdiction routing decision of each tip, stored with its IP assessments (V4).
ALTER TABLE tip_ip_assessment ADD COLUMN routing_outcome VARCHAR(32);
ALTER TABLE tip_ip_assessment ADD COLUMN routing TEXT;
CREATE INDEX tip_ip_assessment_routing_ix ON tip_ip_assessment (agency, routing_outcome, tip_id);
