package org.tiptrace.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;

/**
 * Optional OIDC single sign-on on the pages' chain ({@code tiptrace.oidc.*}; nothing is added while
 * it is off). Spring Security's OAuth2 login runs the authorization-code flow with PKCE, state and
 * nonce, and verifies the ID token; {@link OidcAccounts} maps the identity to an enabled account;
 * this class then finishes like a password login:
 *
 * <ul>
 *   <li>the session gets the account's own principal ({@link TiptraceUser}: its agency, its roles),
 *       or, when the token does not prove multi-factor authentication and the account has a TOTP
 *       secret or {@code require-totp} is on, the same {@link PendingTotpAuthentication} as after a
 *       password, so the same TOTP step follows;
 *   <li>every outcome is audited: {@code LOGIN_SUCCEEDED} / {@code LOGIN_FAILED} with channel
 *       {@code oidc}, the identity, and the reason of a refusal;
 *   <li>a refusal shows {@code /login/oidc/refused} with a fixed text per {@link OidcRefusal}.
 * </ul>
 *
 * The provider's redirect back is a cross-site navigation, on which browsers do not send the {@code
 * SameSite=Strict} session cookie; see {@link OidcAuthorizationRequests} for the started request.
 * The new session's cookie is likewise not sent on a redirect that continues that navigation, so
 * the callback answers with a small page that moves on from this site ({@link #continuePage}).
 */
@Component
final class OidcLogin {
  static final String CALLBACK = "/login/oauth2/code/";
  static final String REFUSED_PAGE = "/login/oidc/refused";

  private final OidcSettings settings;
  private final Optional<ClientRegistration> registration;
  private final UserAccounts users;
  private final AuditTrail audit;
  private final LoginThrottle throttle;
  private final TotpLogin totp;
  private final Clock clock;
  private final TiptraceBackend backend;

  OidcLogin(
      OidcSettings settings,
      UserAccounts users,
      AuditTrail audit,
      LoginThrottle throttle,
      TotpLogin totp,
      TiptraceBackend backend,
      Clock clock) {
    this.settings = settings;
    this.users = users;
    this.audit = audit;
    this.throttle = throttle;
    this.totp = totp;
    this.backend = backend;
    this.clock = clock;
    this.registration = settings.enabled() ? Optional.of(register(settings)) : Optional.empty();
  }

  /**
   * Reads the provider's discovery document (start-up fails, naming the property, if it cannot).
   */
  private static ClientRegistration register(OidcSettings settings) {
    String secret = settings.clientSecret(System.getenv());
    ClientRegistration.Builder builder;
    try {
      builder = ClientRegistrations.fromIssuerLocation(settings.issuerUri());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "tiptrace.oidc.issuer-uri: cannot read the OpenID configuration of "
              + settings.issuerUri()
              + ": "
              + e.getMessage(),
          e);
    }
    return builder
        .registrationId(OidcSettings.REGISTRATION_ID)
        .clientId(settings.clientId())
        .clientSecret(secret)
        .clientName(settings.displayName())
        .scope(settings.requestedScopes())
        // sub is in every valid ID token; the configured subject claim is checked by OidcAccounts,
        // which refuses a token without it (Spring would fail with an unhandled error instead).
        .userNameAttributeName("sub")
        .redirectUri("{baseUrl}" + CALLBACK + "{registrationId}")
        .build();
  }

  /** Adds OIDC login to the pages' chain when configured. */
  void configure(HttpSecurity http) throws Exception {
    if (registration.isEmpty()) {
      return;
    }
    InMemoryClientRegistrationRepository clients =
        new InMemoryClientRegistrationRepository(registration.get());
    DefaultOAuth2AuthorizationRequestResolver resolver =
        new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    OidcAccounts accounts =
        new OidcAccounts(settings, users, backend.oidcLinks(), throttle, audit, clock);
    // Its own manager: the page chain's manager checks passwords, and its audit publisher would
    // record OIDC logins a second time under the channel "form".
    ProviderManager manager =
        new ProviderManager(
            new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), accounts));
    http.oauth2Login(
        o ->
            o.loginPage("/login")
                .withObjectPostProcessor(
                    new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
                      @Override
                      public <F extends OAuth2LoginAuthenticationFilter> F postProcess(F filter) {
                        filter.setAuthenticationManager(manager);
                        return filter;
                      }
                    })
                .clientRegistrationRepository(clients)
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .authorizationEndpoint(
                    a ->
                        a.authorizationRequestResolver(resolver)
                            .authorizationRequestRepository(
                                new OidcAuthorizationRequests(clock, CALLBACK)))
                .redirectionEndpoint(r -> r.baseUri(CALLBACK + "*"))
                .userInfoEndpoint(u -> u.oidcUserService(accounts))
                .successHandler(afterSignIn())
                .failureHandler(refused()));
  }

  /** The remote address of the current request, for the throttle and the audit log. */
  static String currentAddress() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
        ? a.getRequest().getRemoteAddr()
        : "unknown";
  }

  private AuthenticationSuccessHandler afterSignIn() {
    return (request, response, authentication) -> {
      if (!(authentication.getPrincipal() instanceof TiptraceOidcUser oidc)) {
        throw new IllegalStateException("OIDC login without a mapped account");
      }
      TiptraceUser user =
          users
              .load(oidc.username())
              .filter(TiptraceUser::isEnabled)
              .orElseThrow(() -> new IllegalStateException("account vanished during sign-in"));
      user.eraseCredentials();
      OidcIdToken token = oidc.getIdToken();
      boolean totpStep = !oidc.mfa() && (user.totpEnrolled() || totp.settings().requireTotp());
      String factor = oidc.mfa() ? "provider MFA" : totpStep ? "TOTP step follows" : "none";
      throttle.succeeded(user.getUsername());
      users.repository().recordSuccessfulLogin(user.getUsername());
      audit.record(
          user.getUsername(),
          Optional.of(user.agency()),
          AuditAction.LOGIN_SUCCEEDED,
          AuditSubjectType.NONE,
          "",
          "oidc: issuer="
              + token.getIssuer()
              + ", subject="
              + oidc.subject()
              + ", amr="
              + Optional.ofNullable(token.getAuthenticationMethods()).orElse(java.util.List.of())
              + ", acr="
              + Optional.ofNullable(token.getAuthenticationContextClass()).orElse("-")
              + ", second factor: "
              + factor
              + ", from "
              + request.getRemoteAddr());
      String next;
      if (totpStep) {
        boolean enrolling = !user.totpEnrolled();
        totp.signIn(
            new PendingTotpAuthentication(user.getUsername(), enrolling), request, response);
        next = enrolling ? "/login/totp/enrol" : "/login/totp";
      } else {
        totp.signIn(
            org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(user, null, user.getAuthorities()),
            request,
            response);
        next = "/queue";
      }
      continuePage(request, response, next);
    };
  }

  private AuthenticationFailureHandler refused() {
    return (request, response, exception) -> {
      OidcRefusal refusal = refusal(exception);
      String address = request.getRemoteAddr();
      if (exception instanceof OidcAccounts.Refused r) {
        audit.record(
            r.actor(),
            r.agency(),
            AuditAction.LOGIN_FAILED,
            AuditSubjectType.NONE,
            "",
            "oidc: refused " + refusal.name() + ": " + r.detail() + ", from " + address);
      } else {
        audit.record(
            "(oidc)",
            Optional.empty(),
            AuditAction.LOGIN_FAILED,
            AuditSubjectType.NONE,
            "",
            "oidc: refused " + refusal.name() + ": " + describe(exception) + ", from " + address);
      }
      if (refusal != OidcRefusal.THROTTLED) {
        throttle.addressFailed(address);
      }
      response.sendRedirect(request.getContextPath() + REFUSED_PAGE + "?reason=" + refusal.name());
    };
  }

  private static OidcRefusal refusal(AuthenticationException exception) {
    if (exception instanceof OidcAccounts.Refused r) {
      return r.refusal();
    }
    if (exception instanceof OAuth2AuthenticationException o
        && o.getError().getErrorCode() != null
        && !o.getError().getErrorCode().startsWith("invalid_")
        && !o.getError().getErrorCode().equals("authorization_request_not_found")) {
      // An error the provider sent back (access_denied, login_required, ...).
      return OidcRefusal.PROVIDER_ERROR;
    }
    return OidcRefusal.INVALID_RESPONSE;
  }

  /** The error code and a bounded description: what failed, for the audit log. */
  private static String describe(AuthenticationException exception) {
    String text =
        exception instanceof OAuth2AuthenticationException o
            ? o.getError().getErrorCode()
                + (o.getError().getDescription() == null
                    ? ""
                    : " (" + o.getError().getDescription() + ")")
            : exception.getClass().getSimpleName();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  /**
   * Answers the callback with a page that moves on to {@code path} by itself (meta refresh, no
   * script) and as a link: a navigation started by this site's own page carries the new session's
   * {@code SameSite=Strict} cookie, which a redirect continuing the provider's cross-site
   * navigation would not. {@code path} is one of this class's fixed paths.
   */
  private static void continuePage(
      HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
    String target = request.getContextPath() + path;
    response.setStatus(200);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    byte[] body =
        ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url="
                + target
                + "\"><title>Tiptrace: signing in</title></head><body>"
                + "<p>Signed in. <a id=\"continue\" href=\""
                + target
                + "\">Continue</a></p></body></html>\n")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The name for the login page's "Sign in with …" link, when configured. */
  Optional<String> loginName() {
    return registration.isPresent() ? Optional.of(settings.displayName()) : Optional.empty();
  }
}
