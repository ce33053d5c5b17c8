package org.tiptrace.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.tip.Tip;

class SecurityHttpTest extends WebTest {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void apiWithoutCredentialsIs401WithJsonAndBasicChallenge() {
    HttpResponse<String> r = send(request("/api/v1/tips").GET());

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Tiptrace API\"");
    assertThat(r.body())
        .isEqualTo(
            "{\"status\":401,\"error\":\"authentication required\",\"path\":\"/api/v1/tips\"}");
  }

  @Test
  void wrongPasswordIs401() {
    HttpResponse<String> r = send(basic("/api/v1/tips", "alice", "wrong").GET());
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void pagesWithoutLoginRedirectToTheLoginPage() {
    for (String path : List.of("/", "/tips/1")) {
      HttpResponse<String> r = send(request(path).GET());
      assertThat(r.statusCode()).as(path).isEqualTo(302);
      assertThat(r.headers().firstValue("Location"))
          .as(path)
          .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
  }

  @Test
  void everyMappedEndpointNeedsAuthentication() {
    // The sign-in pages: the login form, the error page, why a single sign-on was refused.
    Set<String> open = Set.of("/login", "/error", "/login/oidc/refused");
    List<String> checked = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
              for (String pattern : info.getPatternValues()) {
                if (open.contains(pattern)) {
                  continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                String method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
                HttpRequest.Builder probe =
                    request(path)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .header("Content-Type", "application/json");
                HttpResponse<String> r;
                if (!method.equals("GET") && !path.startsWith("/api/")) {
                  // A page POST: pass the CSRF check with an anonymous session's token, so the
                  // answer shows whether authentication (not CSRF) stops it.
                  java.net.http.HttpClient anonymous = client();
                  String token = csrfToken(anonymous, "/login");
                  r = send(anonymous, probe.header("X-CSRF-TOKEN", token).build());
                } else {
                  r = send(probe);
                }
                assertThat(r.statusCode())
                    .as(method + " " + path + " without credentials")
                    .isIn(401, 302);
                if (r.statusCode() == 302) {
                  assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login");
                }
                checked.add(method + " " + path);
              }
            });
    assertThat(checked)
        .contains(
            "GET /api/v1/tips",
            "GET /api/v1/tips/1",
            "POST /api/v1/intake",
            "GET /",
            "GET /tips/1");
  }

  @Test
  void rolesAreEnforced() {
    // carol may submit but not read; bob may read but not submit.
    assertThat(send(basic("/api/v1/tips", "carol", "carol-secret").GET()).statusCode())
        .isEqualTo(403);
    HttpResponse<String> bobPost =
        send(
            bob("/api/v1/intake")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reportId\":\"X\"}")));
    assertThat(bobPost.statusCode()).isEqualTo(403);
    assertThat(bobPost.body()).contains("\"status\":403");
  }

  @Test
  void unlistedPathsAreDeniedEvenWhenAuthenticated() {
    assertThat(send(alice("/api/v1/secret").GET()).statusCode()).isEqualTo(403);
    // The hotline chain owns /ispws/** and knows only platform accounts: an investigator's
    // session or password does not open it.
    assertThat(send(request("/ispws/submit").GET()).statusCode()).isEqualTo(401);
    assertThat(send(alice("/ispws/status").GET()).statusCode()).isEqualTo(401);
    HttpClient session = formLogin("alice", "alice-secret");
    HttpResponse<String> withSession = send(session, request("/ispws/status").GET().build());
    assertThat(withSession.statusCode()).isEqualTo(401);
    assertThat(withSession.body()).contains("<responseCode>2000</responseCode>");
  }

  @Test
  void securityHeadersOnPagesAndApi() {
    for (HttpRequest.Builder req : List.of(request("/login").GET(), alice("/api/v1/tips").GET())) {
      HttpResponse<String> r = send(req);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("default-src 'self'")
                      .contains("frame-ancestors 'none'"));
      assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }
  }

  @Test
  void loginFormNeedsTheCsrfToken() {
    HttpClient client = client();
    csrfToken(client, "/login"); // a session exists, but the token is not sent
    HttpResponse<String> noToken =
        send(client, formPost("/login", "alice", "alice-secret", Optional.empty()));
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(send(client, request("/").GET().build()).statusCode()).isEqualTo(302);

    HttpResponse<String> forged =
        send(client, formPost("/login", "alice", "alice-secret", Optional.of("forged")));
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  @Test
  void loginWithTokenOpensASessionWithStrictCookie() {
    HttpClient client = client();
    String token = csrfToken(client, "/login");
    HttpResponse<String> r =
        send(client, formPost("/login", "alice", "alice-secret", Optional.of(token)));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/queue"));
    assertThat(r.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .contains("JSESSIONID")
                    .contains("HttpOnly")
                    .contains("SameSite=Strict"));
    HttpResponse<String> home = send(client, request("/").GET().build());
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Tips (").contains("ICAC-A");
  }

  @Test
  void badLoginGoesBackToTheFormWithAnError() {
    HttpClient client = client();
    String token = csrfToken(client, "/login");
    HttpResponse<String> r = send(client, formPost("/login", "alice", "nope", Optional.of(token)));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
  }

  @Test
  void logoutNeedsTheCsrfToken() {
    HttpClient session = formLogin("alice", "alice-secret");
    HttpResponse<String> noToken =
        send(session, request("/logout").POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(send(session, request("/").GET().build()).statusCode()).isEqualTo(200);

    String token = csrfToken(session, "/");
    HttpResponse<String> out =
        send(
            session,
            request("/logout")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token))
                .build());
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(send(session, request("/").GET().build()).statusCode()).isEqualTo(302);
  }

  @Test
  void apiIgnoresThePageSession() {
    // A session cookie alone never authenticates the API, which is why the API needs no CSRF token.
    HttpClient session = formLogin("alice", "alice-secret");
    HttpResponse<String> r = send(session, request("/api/v1/tips").GET().build());
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void crossSiteApiRequestsAreRefused() {
    Tip tip = insertTip(AGENCY_A, "R-XSITE", "x");
    HttpResponse<String> r =
        send(alice("/api/v1/tips/" + tip.id()).header("Sec-Fetch-Site", "cross-site").GET());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).doesNotContain("R-XSITE");
    assertThat(
            send(alice("/api/v1/tips/" + tip.id()).header("Sec-Fetch-Site", "same-origin").GET())
                .statusCode())
        .isEqualTo(200);
  }
}
