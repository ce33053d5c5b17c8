package org.tiptrace.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.tiptrace.account.Totp;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;

/**
 * A context of its own with {@code require-totp} on (as {@code serve} sets it) and a low user
 * threshold: enrolment at the first login, and the per-user throttle.
 */
@TestPropertySource(
    properties = {
      "tiptrace.security.require-totp=true",
      "tiptrace.security.throttle.user-failures=3",
      "tiptrace.security.throttle.first-delay=10m"
    })
class RequireTotpWebTest extends WebTest {
  private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<");

  private HttpResponse<String> post(HttpClient c, String path, String code) {
    String token = csrfToken(c, path);
    return send(
        c,
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "code="
                        + URLEncoder.encode(code, StandardCharsets.UTF_8)
                        + "&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))
            .build());
  }

  @Test
  void anAccountWithoutASecretEnrolsAtItsFirstLogin() {
    TestAccounts.ensure(backend, "nina", AGENCY_B, Role.INVESTIGATOR);
    HttpClient c = client();
    HttpResponse<String> r =
        send(
            c,
            formPost(
                "/login",
                "nina",
                TestAccounts.password("nina"),
                Optional.of(csrfToken(c, "/login"))));
    assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login/totp/enrol");

    HttpResponse<String> page = send(c, request("/login/totp/enrol").GET().build());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<svg").contains("otpauth://totp/Tiptrace:nina?secret=");
    Matcher m = SECRET.matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    String secret = m.group(1).replace(" ", "");
    assertThat(backend.accounts().find("nina").orElseThrow().totpSecret())
        .as("not stored before it is confirmed")
        .isEmpty();

    HttpResponse<String> done =
        post(c, "/login/totp/enrol", new Totp(Clock.systemUTC()).code(secret));
    assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/queue");
    assertThat(backend.accounts().find("nina").orElseThrow().totpSecret()).contains(secret);
    assertThat(send(c, request("/").GET().build()).statusCode()).isEqualTo(200);
    assertThat(TestAccounts.entries(backend, AuditAction.TOTP_ENROLLED, "nina")).hasSize(1);
  }

  @Test
  void basicAuthIsRefusedWhenTotpIsRequired() {
    TestAccounts.ensure(backend, "otto", AGENCY_A, Role.ANALYST);
    HttpResponse<String> r =
        send(basic("/api/v1/tips", "otto", TestAccounts.password("otto")).GET());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("Bearer");
  }

  @Test
  void afterThreeFailuresTheUserIsThrottledEvenWithTheRightPassword() {
    TestAccounts.ensure(backend, "pia", AGENCY_A, Role.ANALYST);
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = send(basic("/api/v1/tips", "pia", "wrong-" + i).GET());
      assertThat(r.statusCode()).isEqualTo(401);
    }
    HttpResponse<String> throttled =
        send(basic("/api/v1/tips", "pia", TestAccounts.password("pia")).GET());
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body())
        .isEqualTo(
            "{\"status\":429,\"error\":\"too many failed logins; retry later\",\"path\":\"/api/v1/tips\"}");
    HttpClient c = client();
    HttpResponse<String> form =
        send(
            c,
            formPost(
                "/login",
                "pia",
                TestAccounts.password("pia"),
                Optional.of(csrfToken(c, "/login"))));
    assertThat(form.headers().firstValue("Location").orElse("")).endsWith("/login?error");

    assertThat(TestAccounts.entries(backend, AuditAction.LOGIN_THROTTLED, "pia"))
        .hasSizeGreaterThanOrEqualTo(2)
        .anySatisfy(e -> assertThat(e.detail()).startsWith("api basic: from "))
        .anySatisfy(e -> assertThat(e.detail()).startsWith("form: from "));
    assertThat(backend.accounts().find("pia").orElseThrow().failedLogins()).isEqualTo(3);
  }
}
