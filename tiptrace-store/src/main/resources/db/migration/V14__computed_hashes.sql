-- Hashes Tiptrace computed itself from the bytes it holds of a tip's file (an evidence attachment, a
-- hotline upload): the exact digests the report did not carry and the PDQ outcome (hash, quality,
-- the eight dihedral variants, or why there is none), as the canonical JSON of
-- org.tiptrace.hash.content.ComputedHashes. Kept apart from the reported hashes, which stay in the
-- tip document. Replaced when computed again. Depends on V1 and V5.
CREATE TABLE tip_file_computed_hash (
  tip_id         BIGINT                   NOT NULL,
  agency         VARCHAR(64)              NOT NULL,
  file_index     INTEGER                  NOT NULL, -- position in the report's files
  content_sha256 VARCHAR(64)              NOT NULL, -- the bytes hashed
  pdq_status     VARCHAR(16)              NOT NULL, -- PdqStatus
  computed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  hashes         TEXT                     NOT NULL,
  CONSTRAINT tip_file_computed_hash_pk PRIMARY KEY (tip_id, file_index),
  CONSTRAINT tip_file_computed_hash_tip_fk FOREIGN KEY (tip_id) REFERENCES tip (id)
);

-- The VICS category map (vics-categories.yaml: name and version) in force when the set was
-- imported; NULL for sets imported before V14.
ALTER TABLE hash_set ADD COLUMN category_map VARCHAR(200);
