package org.tiptrace.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.tip.AgencyId;

/** The administration pages over HTTP: forms with CSRF, scope, guard rails shown on the form. */
class AdminPagesWebTest extends WebTest {
  private static final AgencyId ADM = AdminApiWebTest.ADM;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(backend, "adm-one", ADM, Role.ADMINISTRATOR);
    TestAccounts.ensure(backend, "sys-one", new AgencyId("ICAC-SYS"), Role.SYSTEM_ADMINISTRATOR);
  }

  private HttpResponse<String> post(HttpClient client, String path, String form, String csrfPage) {
    String token = csrfToken(client, csrfPage);
    return send(
        client,
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    form + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
            .build());
  }

  private HttpResponse<String> get(HttpClient client, String path) {
    return send(client, request(path).GET().build());
  }

  @Test
  void theUsersPageListsOwnUsersAndCreatesOneShowingTheGeneratedPasswordOnce() {
    HttpClient admin = formLogin("adm-one", TestAccounts.password("adm-one"));
    HttpResponse<String> page = get(admin, "/admin/users");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<label for=\"new-username\">")
        .contains("name=\"_csrf\"")
        .contains(">adm-one</a>")
        .doesNotContain(">alice</a>");

    HttpResponse<String> created =
        post(
            admin,
            "/admin/users",
            "username=adm-page&roles=ANALYST&roles=PROSECUTOR&password=",
            "/admin/users");

    assertThat(created.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("id=\"initial-password\">([^<]+)<").matcher(created.body());
    assertThat(m.find()).as(created.body()).isTrue();
    assertThat(send(basic("/api/v1/tips", "adm-page", m.group(1)).GET()).statusCode())
        .isEqualTo(200);
    assertThat(backend.accounts().find("adm-page").orElseThrow().roles())
        .containsExactlyInAnyOrder("ANALYST", "PROSECUTOR");
    assertThat(get(admin, "/admin/users").body()).doesNotContain(m.group(1));
  }

  @Test
  void rolesAndStatusChangeOnTheUserPageAndRefusalsAreShownOnIt() {
    TestAccounts.ensure(backend, "adm-page2", ADM, Role.ANALYST);
    HttpClient admin = formLogin("adm-one", TestAccounts.password("adm-one"));
    String userPage = "/admin/users/adm-page2";
    assertThat(get(admin, userPage).body())
        .contains("<legend>Roles of <span>adm-page2</span></legend>");

    HttpResponse<String> roles =
        post(admin, userPage + "/roles", "roles=INVESTIGATOR&roles=SUPERVISOR", userPage);
    assertThat(roles.statusCode()).isEqualTo(302);
    assertThat(backend.accounts().find("adm-page2").orElseThrow().roles())
        .containsExactlyInAnyOrder("INVESTIGATOR", "SUPERVISOR");
    assertThat(get(admin, userPage).body()).contains("Roles saved.");

    assertThat(post(admin, userPage + "/enabled", "enabled=false", userPage).statusCode())
        .isEqualTo(302);
    assertThat(backend.accounts().find("adm-page2").orElseThrow().enabled()).isFalse();
    assertThat(post(admin, userPage + "/enabled", "enabled=true", userPage).statusCode())
        .isEqualTo(302);
    assertThat(backend.accounts().find("adm-page2").orElseThrow().enabled()).isTrue();

    HttpResponse<String> self =
        post(admin, "/admin/users/adm-one/enabled", "enabled=false", "/admin/users/adm-one");
    assertThat(self.statusCode()).isEqualTo(200);
    assertThat(self.body()).contains("enabled: you cannot disable yourself");
    assertThat(backend.accounts().find("adm-one").orElseThrow().enabled()).isTrue();

    HttpResponse<String> none = post(admin, userPage + "/roles", "x=1", userPage);
    assertThat(none.body()).contains("roles: give at least one");

    HttpResponse<String> pw = post(admin, userPage + "/password", "password=", userPage);
    assertThat(pw.body()).contains("id=\"new-password-value\"");
    assertThat(post(admin, userPage + "/totp-reset", "", userPage).statusCode()).isEqualTo(302);
    assertThat(TestAccounts.entries(backend, AuditAction.TOTP_RESET, "adm-one"))
        .anyMatch(e -> e.subjectId().equals("adm-page2"));
  }

  @Test
  void anotherAgencysUserIs404AndAPostWithoutTheCsrfTokenIsRefused() {
    HttpClient admin = formLogin("adm-one", TestAccounts.password("adm-one"));
    assertThat(get(admin, "/admin/users/alice").statusCode()).isEqualTo(404);
    assertThat(
            post(admin, "/admin/users/alice/enabled", "enabled=false", "/admin/users").statusCode())
        .isEqualTo(404);
    assertThat(post(admin, "/admin/users/alice/password", "password=", "/admin/users").statusCode())
        .isEqualTo(404);
    assertThat(backend.accounts().find("alice").orElseThrow().enabled()).isTrue();

    HttpResponse<String> noToken =
        send(
            admin,
            request("/admin/users")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=adm-csrf&roles=ANALYST"))
                .build());
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(backend.accounts().find("adm-csrf")).isEmpty();

    HttpClient analyst = formLogin("alice", "alice-secret");
    assertThat(get(analyst, "/admin/users").statusCode()).isEqualTo(403);
    assertThat(get(analyst, "/admin/agencies").statusCode()).isEqualTo(403);
  }

  @Test
  void aSystemAdministratorRegistersAndRenamesAgenciesOnTheirPage() {
    HttpClient sys = formLogin("sys-one", TestAccounts.password("sys-one"));
    HttpResponse<String> page = get(sys, "/admin/agencies");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<label for=\"agency-code\">").contains("ICAC-ADM");

    assertThat(
            post(sys, "/admin/agencies", "code=ICAC-PAGE&name=Page+Unit", "/admin/agencies")
                .statusCode())
        .isEqualTo(302);
    assertThat(get(sys, "/admin/agencies").body()).contains("Agency ICAC-PAGE registered.");
    HttpResponse<String> bad =
        post(sys, "/admin/agencies", "code=bad+code&name=x", "/admin/agencies");
    assertThat(bad.body()).contains("code: agency code");

    assertThat(
            post(sys, "/admin/agencies/ICAC-PAGE/name", "name=Page+Unit+East", "/admin/agencies")
                .statusCode())
        .isEqualTo(302);
    assertThat(backend.accounts().agencyList())
        .anyMatch(a -> a.code().code().equals("ICAC-PAGE") && a.name().equals("Page Unit East"));
    assertThat(post(sys, "/admin/agencies/NO-SUCH/name", "name=x", "/admin/agencies").statusCode())
        .isEqualTo(404);
  }
}
