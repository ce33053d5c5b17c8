package org.tiptrace.app.system;

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
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;

/**
 * The TOTP step for an enrolled account (require-totp is off in this context: the account's secret
 * alone makes the step required). The app runs on the real clock, so codes are computed for fixed
 * instants taken from it: now for a valid code, 90 s ago for one outside the ±1 step window.
 */
class SecondFactorWebTest extends WebTest {
  private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(backend, "tess", AGENCY_A, Role.ANALYST);
    TestAccounts.ensure(backend, "tom", AGENCY_A, Role.ANALYST);
    if (backend.accounts().find("tess").orElseThrow().totpSecret().isEmpty()) {
      backend.accounts().setTotpSecret("tess", Optional.of(SECRET));
    }
  }

  private static String codeAt(Instant instant) {
    return new Totp(Clock.fixed(instant, ZoneOffset.UTC)).code(SECRET);
  }

  private HttpResponse<String> password(HttpClient client, String user) {
    String token = csrfToken(client, "/login");
    return send(client, formPost("/login", user, TestAccounts.password(user), Optional.of(token)));
  }

  private HttpResponse<String> code(HttpClient client, String code) {
    String token = csrfToken(client, "/login/totp");
    String form =
        "code="
            + URLEncoder.encode(code, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(token, StandardCharsets.UTF_8);
    return send(
        client,
        request("/login/totp")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  @Test
  void anEnrolledAccountNeedsItsCodeAfterThePasswordAndAUsedCodeIsRefused() {
    HttpClient c = client();
    HttpResponse<String> afterPassword = password(c, "tess");
    assertThat(afterPassword.statusCode()).isEqualTo(302);
    assertThat(afterPassword.headers().firstValue("Location").orElse("")).endsWith("/login/totp");

    HttpResponse<String> early = send(c, request("/").GET().build());
    assertThat(early.statusCode()).as("no page before the code").isEqualTo(302);
    assertThat(early.headers().firstValue("Location").orElse("")).endsWith("/login/totp");

    HttpResponse<String> wrong = code(c, codeAt(Instant.now().minusSeconds(90)));
    assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login/totp?error");
    assertThat(send(c, request("/").GET().build()).statusCode()).isEqualTo(302);

    String good = codeAt(Instant.now());
    HttpResponse<String> ok = code(c, good);
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(ok.headers().firstValue("Location").orElse("")).endsWith("/queue");
    assertThat(send(c, request("/").GET().build()).statusCode()).isEqualTo(200);

    // The same code again, in a new login: refused (replay).
    HttpClient again = client();
    password(again, "tess");
    HttpResponse<String> replay = code(again, good);
    assertThat(replay.headers().firstValue("Location").orElse("")).endsWith("/login/totp?error");
    assertThat(send(again, request("/").GET().build()).statusCode()).isEqualTo(302);

    assertThat(TestAccounts.entries(backend, AuditAction.TOTP_FAILED, "tess"))
        .extracting(e -> e.detail().substring(0, e.detail().indexOf(',')))
        .contains("wrong code", "code already used");
    assertThat(TestAccounts.entries(backend, AuditAction.TOTP_SUCCEEDED, "tess"))
        .anySatisfy(e -> assertThat(e.agency()).contains(AGENCY_A));
  }

  @Test
  void anAccountWithoutASecretSignsInWithThePasswordWhenTotpIsNotRequired() {
    HttpClient c = client();
    HttpResponse<String> r = password(c, "tom");
    assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("totp");
    assertThat(send(c, request("/").GET().build()).statusCode()).isEqualTo(200);
  }

  @Test
  void basicAuthOfAnEnrolledAccountIsRefusedOnTheApi() {
    HttpResponse<String> r =
        send(basic("/api/v1/tips", "tess", TestAccounts.password("tess")).GET());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("needs a second factor").contains("Bearer");
  }

  @Test
  void thePendingStepGivesNoApiAccessAndCanBeCancelledByLogout() {
    HttpClient c = client();
    password(c, "tess");
    String token = csrfToken(c, "/login/totp");
    HttpResponse<String> out =
        send(
            c,
            request("/logout")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token))
                .build());
    assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/login?logout");
    assertThat(send(c, request("/login/totp").GET().build()).statusCode()).isEqualTo(302);
    assertThat(TestAccounts.entries(backend, AuditAction.LOGOUT, "tess")).isNotEmpty();
  }
}
