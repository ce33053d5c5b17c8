package org.tiptrace.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tiptrace.account.OidcLink;
import org.tiptrace.account.Totp;
import org.tiptrace.app.system.TestIdentityProvider.Login;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;

/**
 * Single sign-on over real HTTP: the app on a random port, signed in through {@link
 * TestIdentityProvider} on another (discovery, authorize, token, JWKS), with the whole redirect
 * flow driven by a cookie-keeping client. A context of its own (the OIDC properties).
 */
class OidcLoginWebTest extends WebTest {
  private static final String CLIENT_ID = "tiptrace-test";
  private static final String CLIENT_SECRET = "s3cret-of-the-test-client";
  private static final TestIdentityProvider IDP =
      new TestIdentityProvider(CLIENT_ID, CLIENT_SECRET);
  private static final Path SECRET_FILE = secretFile();
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static Path secretFile() {
    try {
      Path f = Files.createTempFile("tiptrace-oidc-", ".secret");
      Files.writeString(f, CLIENT_SECRET + "\n", StandardCharsets.UTF_8);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry r) {
    r.add("tiptrace.oidc.issuer-uri", IDP::issuer);
    r.add("tiptrace.oidc.client-id", () -> CLIENT_ID);
    r.add("tiptrace.oidc.client-secret-file", SECRET_FILE::toString);
    r.add("tiptrace.oidc.display-name", () -> "Example IdP");
    r.add("tiptrace.oidc.mfa-amr", () -> "mfa,hwk");
    r.add("tiptrace.oidc.mfa-acr", () -> "urn:example:mfa");
    r.add("tiptrace.oidc.link-by-verified-email", () -> "true");
  }

  @AfterAll
  static void stop() throws IOException {
    IDP.close();
    Files.deleteIfExists(SECRET_FILE);
  }

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(backend, "olga", AGENCY_A, Role.ANALYST);
    TestAccounts.ensure(backend, "otis", AGENCY_A, Role.ANALYST);
    TestAccounts.ensure(backend, "oona", AGENCY_A, Role.ANALYST);
    TestAccounts.ensure(backend, "erin@example.org", AGENCY_A, Role.ANALYST);
    TestAccounts.ensure(backend, "eve@example.org", AGENCY_A, Role.ANALYST);
    link("sub-olga", "olga");
    link("sub-otis", "otis");
    link("sub-oona", "oona");
    link("sub-eve-old", "eve@example.org");
    backend.accounts().setEnabled("oona", false);
    if (backend.accounts().find("otis").orElseThrow().totpSecret().isEmpty()) {
      backend.accounts().setTotpSecret("otis", Optional.of(Totp.newSecret()));
    }
  }

  private void link(String subject, String user) {
    backend
        .oidcLinks()
        .link(
            new OidcLink(
                IDP.issuer(), subject, user, Instant.parse("2026-01-01T00:00:00Z"), "test"));
  }

  /** The provider's redirect flow from "Sign in with …" to the app's answer to the callback. */
  private HttpResponse<String> signIn(HttpClient c, Login login) {
    IDP.nextLogin(login);
    return send(c, get(callback(c)));
  }

  /** Starts a sign-in with {@code c} and returns the callback URL the provider redirects to. */
  private String callback(HttpClient c) {
    HttpResponse<String> start = send(c, request("/oauth2/authorization/oidc").GET().build());
    assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
    String authorize = start.headers().firstValue("Location").orElseThrow();
    assertThat(authorize).startsWith(IDP.issuer() + "/authorize?");
    HttpResponse<String> idp = send(c, get(authorize));
    assertThat(idp.statusCode()).as(idp.body()).isEqualTo(200);
    String back = TestIdentityProvider.consentLink(idp.body());
    assertThat(back).startsWith("http://localhost:" + port + "/login/oauth2/code/oidc?code=");
    return back;
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).GET().build();
  }

  private String refusedReason(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).as(lastFailure()).contains("/login/oidc/refused?reason=");
    return location.substring(location.indexOf("reason=") + 7);
  }

  private void continuesTo(HttpResponse<String> r, String path) {
    assertThat(r.statusCode()).as(lastFailure()).isEqualTo(200);
    assertThat(r.body())
        .contains("<meta http-equiv=\"refresh\" content=\"0;url=" + path + "\">")
        .contains("href=\"" + path + "\"");
  }

  /** The latest failed login's detail: says why, when a sign-in that should work did not. */
  private String lastFailure() {
    List<AuditEntry> all = failures("oidc: ");
    return all.isEmpty() ? "no failed OIDC login" : all.getLast().detail();
  }

  private List<AuditEntry> failures(String fragment) {
    return TestAccounts.entries(backend).stream()
        .filter(e -> e.action() == AuditAction.LOGIN_FAILED && e.detail().contains(fragment))
        .toList();
  }

  @Test
  void theLoginPageOffersSingleSignOnAndLocalLoginStillWorks() {
    String page = send(request("/login").GET()).body();
    assertThat(page)
        .contains("href=\"/oauth2/authorization/oidc\"")
        .contains(">Sign in with Example IdP</a>")
        .contains("aria-label=\"Sign in with Example IdP (single sign-on)\"");
    HttpClient alice = formLogin("alice", "alice-secret");
    assertThat(send(alice, request("/queue").GET().build()).statusCode()).isEqualTo(200);
  }

  @Test
  void aLinkedUserWithProviderMfaLandsOnTheQueueWithTheAccountsAgencyAndRoles() {
    HttpClient c = client();
    HttpResponse<String> r =
        signIn(
            c,
            Login.of("sub-olga", "pwd", "mfa")
                .withClaims(Map.of("roles", List.of("ADMINISTRATOR"), "agency", "ICAC-B")));
    continuesTo(r, "/queue");
    HttpResponse<String> queue = send(c, request("/queue").GET().build());
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(queue.body()).contains("olga").contains("ICAC-A");
    assertThat(send(c, request("/admin").GET().build()).statusCode())
        .as("roles come from the account, never from the token's claims")
        .isEqualTo(403);

    TestIdentityProvider.AuthorizeRequest sent = IDP.authorizeRequests().getLast();
    assertThat(sent.parameters())
        .containsKeys("state", "nonce", "code_challenge")
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("code_challenge_method", "S256");
    assertThat(sent.parameters().get("scope")).contains("openid");

    AuditEntry ok = TestAccounts.entries(backend, AuditAction.LOGIN_SUCCEEDED, "olga").getLast();
    assertThat(ok.agency()).contains(AGENCY_A);
    assertThat(ok.detail())
        .startsWith("oidc: issuer=" + IDP.issuer() + ", subject=sub-olga, amr=[pwd, mfa]")
        .contains("second factor: provider MFA");
  }

  @Test
  void anAcrValueAlsoProvesMfa() {
    HttpClient c = client();
    continuesTo(signIn(c, Login.of("sub-olga").withAcr("urn:example:mfa")), "/queue");
    assertThat(send(c, request("/queue").GET().build()).statusCode()).isEqualTo(200);
  }

  @Test
  void withoutMfaInTheTokenTheLocalTotpStepIsRequired() {
    HttpClient c = client();
    continuesTo(signIn(c, Login.of("sub-otis", "pwd")), "/login/totp");
    HttpResponse<String> queue = send(c, request("/queue").GET().build());
    assertThat(queue.statusCode()).isEqualTo(302);
    assertThat(queue.headers().firstValue("Location").orElse("")).endsWith("/login/totp");

    String secret = backend.accounts().find("otis").orElseThrow().totpSecret().orElseThrow();
    String token = csrfToken(c, "/login/totp");
    HttpResponse<String> done =
        send(
            c,
            request("/login/totp")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "code="
                            + new Totp(Clock.systemUTC()).code(secret)
                            + "&_csrf="
                            + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build());
    assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/queue");
    assertThat(send(c, request("/queue").GET().build()).statusCode()).isEqualTo(200);
    assertThat(
            TestAccounts.entries(backend, AuditAction.LOGIN_SUCCEEDED, "otis").getLast().detail())
        .contains("amr=[pwd]")
        .contains("second factor: TOTP step follows");
    assertThat(TestAccounts.entries(backend, AuditAction.TOTP_SUCCEEDED, "otis")).isNotEmpty();
  }

  @Test
  void anUnknownSubjectIsRefusedWithAPageAndAnAuditEntry() {
    HttpClient c = client();
    HttpResponse<String> r = signIn(c, Login.of("sub-stranger", "mfa"));
    assertThat(refusedReason(r)).isEqualTo("UNKNOWN_IDENTITY");
    HttpResponse<String> page =
        send(c, request("/login/oidc/refused?reason=UNKNOWN_IDENTITY").GET().build());
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("not linked to a Tiptrace account").contains("role=\"alert\"");
    assertThat(send(c, request("/queue").GET().build()).statusCode()).isEqualTo(302);

    AuditEntry e =
        TestAccounts.entries(backend, AuditAction.LOGIN_FAILED, "oidc:sub-stranger").getLast();
    assertThat(e.detail())
        .startsWith(
            "oidc: refused UNKNOWN_IDENTITY: issuer=" + IDP.issuer() + ", subject=sub-stranger");
  }

  @Test
  void aDisabledAccountIsRefused() {
    HttpClient c = client();
    assertThat(refusedReason(signIn(c, Login.of("sub-oona", "mfa")))).isEqualTo("ACCOUNT_DISABLED");
    assertThat(send(c, request("/queue").GET().build()).statusCode()).isEqualTo(302);
    assertThat(TestAccounts.entries(backend, AuditAction.LOGIN_FAILED, "oona").getLast().detail())
        .startsWith("oidc: refused ACCOUNT_DISABLED");
  }

  @Test
  void aWrongNonceIsRefused() {
    HttpClient c = client();
    assertThat(refusedReason(signIn(c, Login.of("sub-olga", "mfa").withNonce("not-the-nonce"))))
        .isEqualTo("INVALID_RESPONSE");
    assertThat(send(c, request("/queue").GET().build()).statusCode()).isEqualTo(302);
    assertThat(failures("invalid_nonce")).isNotEmpty();
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    HttpClient c = client();
    assertThat(refusedReason(signIn(c, Login.of("sub-olga", "mfa").withAudience("someone-else"))))
        .isEqualTo("INVALID_RESPONSE");
    assertThat(send(c, request("/queue").GET().build()).statusCode()).isEqualTo(302);
    assertThat(failures("invalid_id_token"))
        .anySatisfy(e -> assertThat(e.detail()).contains("aud"));
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() {
    HttpClient c = client();
    assertThat(refusedReason(signIn(c, Login.of("sub-olga", "mfa").forged())))
        .isEqualTo("INVALID_RESPONSE");
    assertThat(send(c, request("/queue").GET().build()).statusCode()).isEqualTo(302);
    assertThat(failures("invalid_id_token"))
        .anySatisfy(e -> assertThat(e.detail()).containsIgnoringCase("signature"));
  }

  @Test
  void aCallbackDeliveredToAnotherBrowserIsRefused() {
    IDP.nextLogin(Login.of("sub-olga", "mfa"));
    String back = callback(client());
    HttpClient victim = client();
    assertThat(refusedReason(send(victim, get(back)))).isEqualTo("INVALID_RESPONSE");
    assertThat(send(victim, request("/queue").GET().build()).statusCode()).isEqualTo(302);
    assertThat(failures("authorization_request_not_found")).isNotEmpty();
  }

  @Test
  void aVerifiedEmailLinksItsAccountOnceAndAnUnverifiedOneDoesNot() {
    HttpClient c = client();
    assertThat(
            refusedReason(
                signIn(c, Login.of("sub-erin", "mfa").withEmail("erin@example.org", false))))
        .isEqualTo("UNKNOWN_IDENTITY");
    assertThat(backend.oidcLinks().find(IDP.issuer(), "sub-erin")).isEmpty();

    continuesTo(
        signIn(c, Login.of("sub-erin", "mfa").withEmail("Erin@Example.org", true)), "/queue");
    assertThat(send(c, request("/queue").GET().build()).statusCode()).isEqualTo(200);
    OidcLink link = backend.oidcLinks().find(IDP.issuer(), "sub-erin").orElseThrow();
    assertThat(link.username()).isEqualTo("erin@example.org");
    assertThat(link.linkedBy()).isEqualTo("verified-email");
    assertThat(TestAccounts.entries(backend, AuditAction.OIDC_LINKED, "oidc:sub-erin")).hasSize(1);

    // A second identity with the address of an account already linked to this issuer is refused.
    assertThat(
            refusedReason(
                signIn(
                    client(), Login.of("sub-eve-new", "mfa").withEmail("eve@example.org", true))))
        .isEqualTo("LINKED_TO_OTHER_IDENTITY");
    assertThat(backend.oidcLinks().find(IDP.issuer(), "sub-eve-new")).isEmpty();
  }

  /**
   * In a real browser the provider (127.0.0.1) and the app (localhost) are different sites, so the
   * redirect back is a cross-site navigation: the authorization request must still be found (its
   * own {@code SameSite=Lax} cookie) and the new session's {@code SameSite=Strict} cookie must
   * reach {@code /queue} (the callback's continue page).
   */
  @Test
  void aRealBrowserSignsInAcrossSitesAndKeepsTheStrictSessionCookie() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM), "skipped: " + CHROMIUM + " is not installed");
    IDP.nextLogin(Login.of("sub-olga", "mfa"));
    try (Playwright playwright =
            Playwright.create(
                new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser =
            playwright
                .chromium()
                .launch(
                    new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true))) {
      Page page = browser.newContext().newPage();
      String base = "http://localhost:" + port;
      page.navigate(base + "/login");
      page.getByRole(
              AriaRole.LINK,
              new Page.GetByRoleOptions().setName("Sign in with Example IdP (single sign-on)"))
          .click();
      page.getByText("Continue to the app").click();
      page.waitForURL(base + "/queue");
      assertThat(page.content()).contains("olga");
      assertThat(page.request().get(base + "/queue").status()).isEqualTo(200);
    }
  }
}
