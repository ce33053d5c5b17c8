package org.tiptrace.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tiptrace.account.Totp;
import org.tiptrace.app.system.ApiTokens;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;

/**
 * The story: an administrator disabled a user, or took a role away, and the user's open browser
 * session kept its old rights until the session timed out. Now the session's next request reads the
 * stored account again; a changed account ends the session (sent to {@code /login?ended}, the
 * forced sign-out audited), an unchanged one goes on undisturbed.
 */
class SessionRecheckWebTest extends WebTest {
  private static final String SECRET = "JBSWY3DPEHPK3PXP";

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(backend, "adm-one", AdminApiWebTest.ADM, Role.ADMINISTRATOR);
  }

  private HttpResponse<String> get(HttpClient client, String path) {
    return send(client, request(path).GET().build());
  }

  private HttpResponse<String> adminPost(HttpClient admin, String path, String form) {
    String page = path.substring(0, path.lastIndexOf('/'));
    String token = csrfToken(admin, page);
    return send(
        admin,
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    form + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
            .build());
  }

  private HttpResponse<String> adminApi(String method, String path, String body) {
    return send(
        basic(path, "adm-one", TestAccounts.password("adm-one"))
            .header("Content-Type", "application/json")
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String location(HttpResponse<String> r) {
    return r.headers().firstValue("Location").orElse("");
  }

  private void assertEnded(HttpClient user, String path) {
    HttpResponse<String> next = get(user, path);
    assertThat(next.statusCode()).as(next.body()).isEqualTo(302);
    assertThat(location(next)).endsWith("/login?ended");
    // The session is gone: the following request is a plain anonymous one.
    HttpResponse<String> after = get(user, path);
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(location(after)).endsWith("/login");
  }

  private AuditEntry revoked(String user) {
    return TestAccounts.entries(backend, AuditAction.SESSION_REVOKED, user).getLast();
  }

  @Test
  void aUserDisabledByAnAdministratorIsSentToLoginOnTheNextRequest() {
    TestAccounts.ensure(backend, "ses-off", AdminApiWebTest.ADM, Role.ANALYST);
    HttpClient user = formLogin("ses-off", TestAccounts.password("ses-off"));
    assertThat(get(user, "/queue").statusCode()).isEqualTo(200);

    HttpClient admin = formLogin("adm-one", TestAccounts.password("adm-one"));
    assertThat(adminPost(admin, "/admin/users/ses-off/enabled", "enabled=false").statusCode())
        .isEqualTo(302);

    assertEnded(user, "/queue");
    AuditEntry entry = revoked("ses-off");
    assertThat(entry.agency()).contains(AdminApiWebTest.ADM);
    assertThat(entry.detail()).startsWith("account disabled").contains("GET /queue");
    assertThat(get(client(), "/login?ended").body()).contains("id=\"session-ended\"");
    // The administrator's own session is not touched.
    assertThat(get(admin, "/admin/users").statusCode()).isEqualTo(200);
  }

  @Test
  void aRoleRemovedByAnAdministratorIsNoLongerUsableInTheOpenSession() {
    TestAccounts.ensure(
        backend, "ses-sup", AdminApiWebTest.ADM, Role.ANALYST, Role.SUPERVISOR, Role.INVESTIGATOR);
    HttpClient user = formLogin("ses-sup", TestAccounts.password("ses-sup"));
    assertThat(get(user, "/ip/reassess").statusCode()).isEqualTo(200);

    HttpResponse<String> changed =
        adminApi(
            "PUT",
            "/api/v1/admin/users/ses-sup/roles",
            "{\"roles\":[\"ANALYST\",\"INVESTIGATOR\"]}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

    assertEnded(user, "/ip/reassess");
    assertThat(revoked("ses-sup").detail())
        .contains("roles changed from")
        .contains("ROLE_SUPERVISOR")
        .contains("GET /ip/reassess");
    // Signed in again, the user has exactly the new roles.
    HttpClient again = formLogin("ses-sup", TestAccounts.password("ses-sup"));
    assertThat(get(again, "/ip/reassess").statusCode()).isEqualTo(403);
    assertThat(get(again, "/queue").statusCode()).isEqualTo(200);
  }

  @Test
  void aUserWhoseAccountDidNotChangeIsNotDisturbed() {
    TestAccounts.ensure(backend, "ses-same", AdminApiWebTest.ADM, Role.ANALYST, Role.SUPERVISOR);
    TestAccounts.ensure(backend, "ses-other", AdminApiWebTest.ADM, Role.ANALYST, Role.SUPERVISOR);
    HttpClient user = formLogin("ses-same", TestAccounts.password("ses-same"));
    assertThat(get(user, "/ip/reassess").statusCode()).isEqualTo(200);

    // The same roles saved again, another user's roles changed and that user disabled.
    assertThat(
            adminApi(
                    "PUT",
                    "/api/v1/admin/users/ses-same/roles",
                    "{\"roles\":[\"SUPERVISOR\",\"ANALYST\"]}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            adminApi("PUT", "/api/v1/admin/users/ses-other/roles", "{\"roles\":[\"ANALYST\"]}")
                .statusCode())
        .isEqualTo(200);
    assertThat(adminApi("POST", "/api/v1/admin/users/ses-other/disable", "").statusCode())
        .isEqualTo(200);

    for (int i = 0; i < 3; i++) {
      assertThat(get(user, "/ip/reassess").statusCode()).isEqualTo(200);
    }
    assertThat(get(user, "/queue").statusCode()).isEqualTo(200);
    assertThat(TestAccounts.entries(backend, AuditAction.SESSION_REVOKED, "ses-same")).isEmpty();
  }

  @Test
  void aPasswordResetEndsTheOpenSession() {
    TestAccounts.ensure(backend, "ses-pw", AdminApiWebTest.ADM, Role.ANALYST);
    HttpClient user = formLogin("ses-pw", TestAccounts.password("ses-pw"));
    assertThat(get(user, "/queue").statusCode()).isEqualTo(200);

    assertThat(adminApi("POST", "/api/v1/admin/users/ses-pw/password", "").statusCode())
        .isEqualTo(200);

    assertEnded(user, "/queue");
    assertThat(revoked("ses-pw").detail()).startsWith("password or second factor reset");
  }

  @Test
  void aTotpResetEndsTheSessionSignedInWithTheOldSecret() {
    TestAccounts.ensure(backend, "ses-totp", AdminApiWebTest.ADM, Role.ANALYST);
    backend.accounts().setTotpSecret("ses-totp", Optional.of(SECRET));
    HttpClient user = client();
    String loginToken = csrfToken(user, "/login");
    HttpResponse<String> password =
        send(
            user,
            formPost(
                "/login", "ses-totp", TestAccounts.password("ses-totp"), Optional.of(loginToken)));
    assertThat(location(password)).endsWith("/login/totp");
    String code = new Totp(Clock.fixed(Instant.now(), ZoneOffset.UTC)).code(SECRET);
    String totpToken = csrfToken(user, "/login/totp");
    HttpResponse<String> signedIn =
        send(
            user,
            request("/login/totp")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "code="
                            + code
                            + "&_csrf="
                            + URLEncoder.encode(totpToken, StandardCharsets.UTF_8)))
                .build());
    assertThat(location(signedIn)).endsWith("/queue");
    assertThat(get(user, "/queue").statusCode()).isEqualTo(200);

    assertThat(adminApi("POST", "/api/v1/admin/users/ses-totp/totp-reset", "").statusCode())
        .isEqualTo(200);

    assertEnded(user, "/queue");
    assertThat(revoked("ses-totp").detail()).startsWith("password or second factor reset");
  }

  @Test
  void anApiTokenFollowsTheStoredAccountOnEveryRequest() {
    TestAccounts.ensure(backend, "ses-token", AdminApiWebTest.ADM, Role.ANALYST, Role.SUPERVISOR);
    String token = ApiTokens.newToken();
    backend
        .accounts()
        .addToken(
            "ses-token",
            "test",
            ApiTokens.digest(token),
            Instant.now().minusSeconds(60),
            Instant.now().plusSeconds(3600));
    HttpRequest.Builder jobs =
        request("/api/v1/jobs/1").header("Authorization", "Bearer " + token).GET();
    HttpRequest.Builder tips =
        request("/api/v1/tips").header("Authorization", "Bearer " + token).GET();
    assertThat(send(jobs).statusCode()).isIn(200, 404);

    assertThat(
            adminApi("PUT", "/api/v1/admin/users/ses-token/roles", "{\"roles\":[\"ANALYST\"]}")
                .statusCode())
        .isEqualTo(200);
    assertThat(send(jobs).statusCode()).isEqualTo(403);
    assertThat(send(tips).statusCode()).isEqualTo(200);

    assertThat(adminApi("POST", "/api/v1/admin/users/ses-token/disable", "").statusCode())
        .isEqualTo(200);
    assertThat(send(tips).statusCode()).isEqualTo(401);
    assertThat(TestAccounts.entries(backend, AuditAction.TOKEN_REFUSED, "ses-token"))
        .anyMatch(e -> e.detail().startsWith("account disabled"));
  }
}
