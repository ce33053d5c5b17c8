package org.tiptrace.account;

import java.util.List;
import java.util.Optional;

/**
 * Which OIDC identity (issuer and subject) opens which account. An identity names at most one
 * account; an account has at most one identity per issuer, so a second identity of the same issuer
 * (a re-created IdP account with the same email) cannot take over a linked account.
 */
public interface OidcLinkRepository {

  /** What {@link #link} did. */
  enum LinkOutcome {
    LINKED,
    /** The identity already opens this account: nothing changed. */
    ALREADY_LINKED,
    /** The identity opens another account. */
    IDENTITY_TAKEN,
    /** The account has another identity of this issuer. */
    ACCOUNT_HAS_OTHER_SUBJECT,
    NO_SUCH_ACCOUNT
  }

  /** Links {@code link.issuer()} + {@code link.subject()} to {@code link.username()}. */
  LinkOutcome link(OidcLink link);

  /** The link of an identity, if any. */
  Optional<OidcLink> find(String issuer, String subject);

  /** The links of one account (user name ignoring case), by issuer. */
  List<OidcLink> links(String username);

  /** Removes the account's link of {@code issuer}; false when there was none. */
  boolean unlink(String username, String issuer);
}
