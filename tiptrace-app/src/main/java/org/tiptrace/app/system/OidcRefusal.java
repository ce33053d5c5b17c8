package org.tiptrace.app.system;

/**
 * Why an OIDC sign-in was refused: shown on {@code /login/oidc/refused} and written to the audit
 * log. The page shows only this fixed text (the reason travels as its name), never anything the
 * provider sent.
 */
public enum OidcRefusal {
  UNKNOWN_IDENTITY(
      "Your sign-in worked, but this identity is not linked to a Tiptrace account. Ask your"
          + " Tiptrace administrator to link it."),
  ACCOUNT_DISABLED("The Tiptrace account linked to this identity is disabled."),
  LINKED_TO_OTHER_IDENTITY(
      "The Tiptrace account with your email address is linked to another identity of this"
          + " provider. Ask your Tiptrace administrator."),
  MISSING_SUBJECT("The identity provider's answer did not name the user."),
  THROTTLED("Too many failed sign-ins from your address. Try again later."),
  INVALID_RESPONSE(
      "The identity provider's answer could not be verified (token, signature, audience or"
          + " nonce), or the sign-in expired. Start again from the sign-in page."),
  PROVIDER_ERROR("The identity provider did not complete the sign-in.");

  private final String message;

  OidcRefusal(String message) {
    this.message = message;
  }

  public String message() {
    return message;
  }
}
