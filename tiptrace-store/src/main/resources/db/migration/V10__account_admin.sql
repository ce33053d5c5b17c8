-- Account administration (decision 0010). Portable across H2 2.x and PostgreSQL 15.

-- TOTP secrets are sealed with AES-256-GCM (org.tiptrace.account.TotpSecretCipher):
-- "tt1:<key id>:<base64url(nonce | ciphertext | tag)>", about 93 characters for a 160-bit secret.
-- Values written before V10 are plaintext Base32; the app seals them on start.
ALTER TABLE account_user ALTER COLUMN totp_secret SET DATA TYPE VARCHAR(512);

-- The login throttle's failure counts (org.tiptrace.account.LoginFailures), shared by every
-- instance of the app and kept across restarts. Keys: "user:<lower-case name>", "addr:<address>".
CREATE TABLE login_failure (
  throttle_key VARCHAR(320)             NOT NULL,
  failures     INTEGER                  NOT NULL,
  last_failure TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT login_failure_pk PRIMARY KEY (throttle_key)
);
CREATE INDEX login_failure_last_ix ON login_failure (last_failure);
