-- The content fingerprint of a set's entries as imported (org.tiptrace.hash.sets.EntryFingerprint:
-- order-free, over algorithm and digest), which the on-disk index cache is checked against before
-- it is used (decision 0019). NULL for sets imported before V16: their indexes are not cached.
ALTER TABLE hash_set ADD COLUMN content_fingerprint VARCHAR(64);
