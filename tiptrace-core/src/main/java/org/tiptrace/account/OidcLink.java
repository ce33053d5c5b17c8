package org.tiptrace.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A Tiptrace account reachable by OIDC single sign-on: the identity provider's {@code issuer} and
 * the user's {@code subject} there. The pair names at most one account; the account keeps its own
 * agency and roles (the identity provider only authenticates).
 *
 * @param username the account's user name, as created
 * @param linkedBy who made the link: {@code cli:<OS user>}, or {@code verified-email} for a first
 *     sign-in linked by the verified email claim (when an administrator allowed that)
 */
public record OidcLink(
    String issuer, String subject, String username, Instant linkedAt, String linkedBy) {
  /** The longest issuer URI and subject the store keeps. */
  public static final int MAX_ISSUER = 512;

  public static final int MAX_SUBJECT = 255;

  public OidcLink {
    check(issuer, subject);
    Account.checkUsername(username);
    Objects.requireNonNull(linkedAt, "linkedAt");
    Objects.requireNonNull(linkedBy, "linkedBy");
  }

  /** Checks an issuer and subject pair; the message names the part and the rule. */
  public static void check(String issuer, String subject) {
    if (issuer.isBlank() || issuer.length() > MAX_ISSUER) {
      throw new IllegalArgumentException(
          "issuer must be 1-" + MAX_ISSUER + " characters, was " + issuer.length());
    }
    if (subject.isBlank() || subject.length() > MAX_SUBJECT) {
      throw new IllegalArgumentException(
          "subject must be 1-" + MAX_SUBJECT + " characters, was " + subject.length());
    }
  }
}
