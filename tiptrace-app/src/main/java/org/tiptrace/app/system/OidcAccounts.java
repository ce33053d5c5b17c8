package org.tiptrace.app.system;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.tiptrace.account.Account;
import org.tiptrace.account.OidcLink;
import org.tiptrace.account.OidcLinkRepository;
import org.tiptrace.account.OidcLinkRepository.LinkOutcome;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.tip.AgencyId;

/**
 * Who an OIDC sign-in is: runs after Spring Security has verified the ID token (signature against
 * the provider's keys, issuer, audience, expiry, nonce) and answers with the linked Tiptrace
 * account, or refuses.
 *
 * <ol>
 *   <li>The identity is the token's issuer and the configured subject claim ({@code sub} by
 *       default); a missing claim is refused.
 *   <li>A stored link ({@link OidcLinkRepository}) names the account. Without one, and only when
 *       {@code tiptrace.oidc.link-by-verified-email} is on, an {@code email} with {@code
 *       email_verified=true} equal to an account's user name links that account (audited); an
 *       account already linked to another subject of the issuer is refused, so a re-created
 *       provider account with the same address cannot take it over.
 *   <li>The account must exist and be enabled. Its agency and roles are the account's; no claim of
 *       the token grants anything.
 *   <li>Multi-factor: the token proves it when its {@code amr} holds a configured {@code mfa-amr}
 *       value or its {@code acr} is a configured {@code mfa-acr} value; otherwise the local TOTP
 *       step decides ({@link OidcLogin}).
 * </ol>
 */
final class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {
  static final String VERIFIED_EMAIL = "verified-email";

  private final OAuth2UserService<OidcUserRequest, OidcUser> provider = new OidcUserService();
  private final OidcSettings settings;
  private final UserAccounts users;
  private final OidcLinkRepository links;
  private final LoginThrottle throttle;
  private final AuditTrail audit;
  private final Clock clock;

  OidcAccounts(
      OidcSettings settings,
      UserAccounts users,
      OidcLinkRepository links,
      LoginThrottle throttle,
      AuditTrail audit,
      Clock clock) {
    this.settings = settings;
    this.users = users;
    this.links = links;
    this.throttle = throttle;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser idpUser = provider.loadUser(request);
    OidcIdToken token = idpUser.getIdToken();
    String issuer = String.valueOf(token.getIssuer());
    String address = OidcLogin.currentAddress();
    Optional<java.time.Instant> until = throttle.addressBlockedUntil(address);
    if (until.isPresent()) {
      throw new Refused(
          OidcRefusal.THROTTLED,
          "(oidc)",
          Optional.empty(),
          "issuer=" + issuer + ", refused until " + until.get());
    }
    Object claim = idpUser.getClaims().get(settings.subjectClaim());
    if (!(claim instanceof String subject) || subject.isBlank() || subject.length() > 255) {
      throw new Refused(
          OidcRefusal.MISSING_SUBJECT,
          "(oidc)",
          Optional.empty(),
          "issuer=" + issuer + ", claim " + settings.subjectClaim() + " missing or not a string");
    }
    String identity = "issuer=" + issuer + ", subject=" + subject;
    Optional<Account> account =
        links.find(issuer, subject).flatMap(l -> users.account(l.username()));
    if (account.isEmpty()) {
      account = linkByEmail(idpUser, issuer, subject, identity);
    }
    if (account.isEmpty()) {
      throw new Refused(
          OidcRefusal.UNKNOWN_IDENTITY, "oidc:" + subject, Optional.empty(), identity);
    }
    Account a = account.get();
    if (!a.enabled()) {
      throw new Refused(
          OidcRefusal.ACCOUNT_DISABLED, a.username(), Optional.of(a.agency()), identity);
    }
    return new TiptraceOidcUser(idpUser, a.username(), subject, mfa(token));
  }

  /** The first link by a verified email, when an administrator allowed it. */
  private Optional<Account> linkByEmail(
      OidcUser idpUser, String issuer, String subject, String identity) {
    if (!settings.linkByVerifiedEmail()
        || !Boolean.TRUE.equals(idpUser.getEmailVerified())
        || idpUser.getEmail() == null
        || idpUser.getEmail().isBlank()) {
      return Optional.empty();
    }
    String email = idpUser.getEmail().trim();
    Optional<Account> account;
    try {
      account = users.account(Account.checkUsername(email));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (account.isEmpty()
        || !account
            .get()
            .username()
            .toLowerCase(Locale.ROOT)
            .equals(email.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    Account a = account.get();
    LinkOutcome outcome =
        links.link(new OidcLink(issuer, subject, a.username(), clock.instant(), VERIFIED_EMAIL));
    switch (outcome) {
      case LINKED ->
          audit.record(
              "oidc:" + subject,
              Optional.of(a.agency()),
              AuditAction.OIDC_LINKED,
              AuditSubjectType.USER,
              a.username(),
              identity + ", by verified email " + email);
      case ALREADY_LINKED -> {}
      case ACCOUNT_HAS_OTHER_SUBJECT, IDENTITY_TAKEN ->
          throw new Refused(
              OidcRefusal.LINKED_TO_OTHER_IDENTITY,
              a.username(),
              Optional.of(a.agency()),
              identity + ", verified email " + email);
      case NO_SUCH_ACCOUNT -> {
        return Optional.empty();
      }
    }
    return Optional.of(a);
  }

  private boolean mfa(OidcIdToken token) {
    List<String> amr = token.getAuthenticationMethods();
    if (amr != null && amr.stream().anyMatch(settings.mfaAmr()::contains)) {
      return true;
    }
    String acr = token.getAuthenticationContextClass();
    return acr != null && settings.mfaAcr().contains(acr);
  }

  /** A refused sign-in: the reason for the page, and who and what for the audit log. */
  static final class Refused extends OAuth2AuthenticationException {
    private static final long serialVersionUID = 1L;
    private final OidcRefusal refusal;
    private final String actor;
    private final transient Optional<AgencyId> agency;
    private final String detail;

    Refused(OidcRefusal refusal, String actor, Optional<AgencyId> agency, String detail) {
      super(new OAuth2Error("tiptrace_" + refusal.name().toLowerCase(Locale.ROOT)), refusal.name());
      this.refusal = refusal;
      this.actor = actor;
      this.agency = agency;
      this.detail = detail;
    }

    OidcRefusal refusal() {
      return refusal;
    }

    String actor() {
      return actor;
    }

    Optional<AgencyId> agency() {
      return agency;
    }

    String detail() {
      return detail;
    }
  }
}
