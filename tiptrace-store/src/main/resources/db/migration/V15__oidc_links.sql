-- OIDC single sign-on: which identity (issuer + subject) opens which account. Owned by
-- org.tiptrace.store.account.JdbcOidcLinkRepository; the port is
-- org.tiptrace.account.OidcLinkRepository. Agency and roles stay on account_user: the identity
-- provider only authenticates. Portable across H2 2.x and PostgreSQL 15.

CREATE TABLE account_oidc_link (
  issuer       VARCHAR(512)             NOT NULL, -- the ID token's iss, exactly
  subject      VARCHAR(255)             NOT NULL, -- the configured subject claim (default sub)
  username_key VARCHAR(100)             NOT NULL,
  linked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  linked_by    VARCHAR(200)             NOT NULL, -- cli:<OS user> or verified-email
  CONSTRAINT account_oidc_link_pk PRIMARY KEY (issuer, subject),
  CONSTRAINT account_oidc_link_user_issuer_uq UNIQUE (username_key, issuer),
  CONSTRAINT account_oidc_link_user_fk FOREIGN KEY (username_key) REFERENCES account_user (username_key)
);
