package org.tiptrace.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.tip.AgencyId;

/**
 * {@code /api/v1/admin}: each action, its audit entry, the agency scope and the guard rails. The
 * tests work in agency ICAC-ADM (administrator {@code adm-one}) so that the shared test users keep
 * their roles; {@code sys-one} holds SYSTEM_ADMINISTRATOR only.
 */
class AdminApiWebTest extends WebTest {
  static final AgencyId ADM = new AgencyId("ICAC-ADM");
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(backend, "adm-one", ADM, Role.ADMINISTRATOR);
    TestAccounts.ensure(backend, "sys-one", new AgencyId("ICAC-SYS"), Role.SYSTEM_ADMINISTRATOR);
  }

  private HttpResponse<String> as(String user, String method, String path, String body) {
    return send(
        basic(path, user, TestAccounts.password(user))
            .header("Content-Type", "application/json")
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> adm(String method, String path, String body) {
    return as("adm-one", method, path, body);
  }

  private static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(r.body(), e);
    }
  }

  private int login(String user, String password) {
    return send(basic("/api/v1/tips", user, password).GET()).statusCode();
  }

  private AuditEntry lastEntry(AuditAction action, String subject) {
    List<AuditEntry> entries =
        TestAccounts.entries(backend, action, "adm-one").stream()
            .filter(e -> e.subjectId().equals(subject))
            .toList();
    assertThat(entries).as(action + " of " + subject).isNotEmpty();
    return entries.getLast();
  }

  @Test
  void anAdministratorCreatesAUserWithAGeneratedPasswordShownOnceAndAudited() {
    HttpResponse<String> created =
        adm("POST", "/api/v1/admin/users", "{\"username\":\"adm-ann\",\"roles\":[\"ANALYST\"]}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).contains("/api/v1/admin/users/adm-ann");
    JsonNode body = json(created);
    assertThat(body.at("/user/agency").asText()).isEqualTo("ICAC-ADM");
    assertThat(body.at("/user/roles/0").asText()).isEqualTo("ANALYST");
    String password = body.at("/generatedPassword").asText();
    assertThat(password).matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}");
    assertThat(backend.accounts().find("adm-ann").orElseThrow().passwordHash())
        .startsWith("{argon2}")
        .doesNotContain(password);
    assertThat(login("adm-ann", password)).isEqualTo(200);
    assertThat(adm("GET", "/api/v1/admin/users/adm-ann", "").body())
        .doesNotContain(password)
        .doesNotContain("argon2");

    AuditEntry added = lastEntry(AuditAction.USER_ADDED, "adm-ann");
    assertThat(added.detail())
        .contains("ICAC-ADM")
        .contains("[ANALYST]")
        .contains("generated")
        .doesNotContain(password);
    assertThat(added.agency()).contains(ADM);

    assertThat(
            adm("POST", "/api/v1/admin/users", "{\"username\":\"ADM-ANN\",\"roles\":[\"ANALYST\"]}")
                .statusCode())
        .as("the name is taken, whatever its case")
        .isEqualTo(409);
  }

  @Test
  void creationRefusesBadFieldsNamingThem() {
    HttpResponse<String> role =
        adm("POST", "/api/v1/admin/users", "{\"username\":\"adm-x\",\"roles\":[\"CHIEF\"]}");
    HttpResponse<String> none =
        adm("POST", "/api/v1/admin/users", "{\"username\":\"adm-x\",\"roles\":[]}");
    HttpResponse<String> name =
        adm("POST", "/api/v1/admin/users", "{\"username\":\"bad name\",\"roles\":[\"ANALYST\"]}");
    HttpResponse<String> shortPassword =
        adm(
            "POST",
            "/api/v1/admin/users",
            "{\"username\":\"adm-x\",\"roles\":[\"ANALYST\"],\"password\":\"short\"}");
    HttpResponse<String> otherAgency =
        adm(
            "POST",
            "/api/v1/admin/users",
            "{\"username\":\"adm-x\",\"roles\":[\"ANALYST\"],\"agency\":\"ICAC-A\"}");
    HttpResponse<String> notJson = adm("POST", "/api/v1/admin/users", "{\"username\":");

    assertThat(role.statusCode()).isEqualTo(400);
    assertThat(json(role).get("error").asText()).contains("roles").contains("CHIEF");
    assertThat(json(none).get("error").asText()).contains("roles: give at least one");
    assertThat(json(name).get("error").asText()).startsWith("username:");
    assertThat(json(shortPassword).get("error").asText()).contains("password: must be 12-128");
    assertThat(json(otherAgency).get("error").asText()).contains("agency").contains("ICAC-ADM");
    assertThat(json(notJson).get("error").asText()).startsWith("body: not JSON at line 1");
    assertThat(backend.accounts().find("adm-x")).isEmpty();
  }

  @Test
  void rolesChangeWithBeforeAndAfterInTheAuditLog() {
    TestAccounts.ensure(backend, "adm-rho", ADM, Role.ANALYST);

    HttpResponse<String> r =
        adm(
            "PUT",
            "/api/v1/admin/users/adm-rho/roles",
            "{\"roles\":[\"investigator\",\"ANALYST\"]}");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(backend.accounts().find("adm-rho").orElseThrow().roles())
        .containsExactlyInAnyOrder("ANALYST", "INVESTIGATOR");
    assertThat(lastEntry(AuditAction.USER_ROLES_CHANGED, "adm-rho").detail())
        .isEqualTo("roles [ANALYST] -> [ANALYST, INVESTIGATOR]");
    assertThat(
            adm("PUT", "/api/v1/admin/users/adm-rho/roles", "{\"roles\":[\"NOPE\"]}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void aDisabledUserCannotSignInUntilEnabledAgain() {
    TestAccounts.ensure(backend, "adm-dis", ADM, Role.ANALYST);
    assertThat(login("adm-dis", "adm-dis-secret")).isEqualTo(200);

    assertThat(adm("POST", "/api/v1/admin/users/adm-dis/disable", "").statusCode()).isEqualTo(200);
    assertThat(login("adm-dis", "adm-dis-secret")).isEqualTo(401);
    assertThat(lastEntry(AuditAction.USER_DISABLED, "adm-dis").detail())
        .isEqualTo("enabled true -> false");

    assertThat(
            json(adm("POST", "/api/v1/admin/users/adm-dis/enable", "")).get("enabled").asBoolean())
        .isTrue();
    assertThat(login("adm-dis", "adm-dis-secret")).isEqualTo(200);
    assertThat(lastEntry(AuditAction.USER_ENABLED, "adm-dis").detail())
        .isEqualTo("enabled false -> true");
  }

  @Test
  void passwordResetSetsOrGeneratesAndTheOldOneStopsWorking() {
    TestAccounts.ensure(backend, "adm-pw", ADM, Role.ANALYST);

    HttpResponse<String> set =
        adm(
            "POST",
            "/api/v1/admin/users/adm-pw/password",
            "{\"password\":\"correct horse battery\"}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(json(set).get("generatedPassword").isNull()).isTrue();
    assertThat(login("adm-pw", "adm-pw-secret")).isEqualTo(401);
    assertThat(login("adm-pw", "correct horse battery")).isEqualTo(200);

    HttpResponse<String> generated = adm("POST", "/api/v1/admin/users/adm-pw/password", "");
    String password = json(generated).get("generatedPassword").asText();
    assertThat(login("adm-pw", password)).isEqualTo(200);
    assertThat(login("adm-pw", "correct horse battery")).isEqualTo(401);
    AuditEntry entry = lastEntry(AuditAction.USER_PASSWORD_RESET, "adm-pw");
    assertThat(entry.detail()).contains("generated").doesNotContain(password);
  }

  @Test
  void totpResetRemovesTheEnrolment() {
    TestAccounts.ensure(backend, "adm-totp", ADM, Role.ANALYST);
    backend.accounts().setTotpSecret("adm-totp", Optional.of("JBSWY3DPEHPK3PXP"));

    HttpResponse<String> r = adm("POST", "/api/v1/admin/users/adm-totp/totp-reset", "");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("totpEnrolled").asBoolean()).isFalse();
    assertThat(backend.accounts().find("adm-totp").orElseThrow().totpSecret()).isEmpty();
    assertThat(lastEntry(AuditAction.TOTP_RESET, "adm-totp").detail())
        .contains("enrolled true -> false")
        .doesNotContain("JBSWY3DPEHPK3PXP");
  }

  @Test
  void anAdministratorCannotRemoveTheirOwnAdministratorRoleOrDisableThemselves() {
    HttpResponse<String> roles =
        adm("PUT", "/api/v1/admin/users/ADM-ONE/roles", "{\"roles\":[\"ANALYST\"]}");
    HttpResponse<String> disable = adm("POST", "/api/v1/admin/users/adm-one/disable", "");

    assertThat(roles.statusCode()).isEqualTo(409);
    assertThat(json(roles).get("error").asText()).contains("your own ADMINISTRATOR role");
    assertThat(disable.statusCode()).isEqualTo(409);
    assertThat(json(disable).get("error").asText()).contains("cannot disable yourself");
    var self = backend.accounts().find("adm-one").orElseThrow();
    assertThat(self.roles()).contains("ADMINISTRATOR");
    assertThat(self.enabled()).isTrue();
    assertThat(
            adm(
                    "PUT",
                    "/api/v1/admin/users/adm-one/roles",
                    "{\"roles\":[\"ADMINISTRATOR\",\"ANALYST\"]}")
                .statusCode())
        .as("adding a role to oneself keeps ADMINISTRATOR: allowed")
        .isEqualTo(200);
  }

  @Test
  void anAgencyAdministratorCannotGrantTheCrossAgencyRoleNorTakeItAway() {
    TestAccounts.ensure(backend, "adm-plain", ADM, Role.ANALYST);
    TestAccounts.ensure(backend, "adm-sys", ADM, Role.ANALYST, Role.SYSTEM_ADMINISTRATOR);

    HttpResponse<String> create =
        adm(
            "POST",
            "/api/v1/admin/users",
            "{\"username\":\"adm-grab\",\"roles\":[\"SYSTEM_ADMINISTRATOR\"]}");
    HttpResponse<String> grant =
        adm(
            "PUT",
            "/api/v1/admin/users/adm-plain/roles",
            "{\"roles\":[\"ANALYST\",\"SYSTEM_ADMINISTRATOR\"]}");
    HttpResponse<String> keep =
        adm("PUT", "/api/v1/admin/users/adm-sys/roles", "{\"roles\":[\"INVESTIGATOR\"]}");

    assertThat(create.statusCode()).isEqualTo(403);
    assertThat(json(create).get("error").asText()).contains("granted by the server's operator");
    assertThat(backend.accounts().find("adm-grab")).isEmpty();
    assertThat(grant.statusCode()).isEqualTo(403);
    assertThat(backend.accounts().find("adm-plain").orElseThrow().roles())
        .containsExactly("ANALYST");
    assertThat(keep.statusCode()).isEqualTo(200);
    assertThat(backend.accounts().find("adm-sys").orElseThrow().roles())
        .containsExactlyInAnyOrder("INVESTIGATOR", "SYSTEM_ADMINISTRATOR");
  }

  @Test
  void anotherAgencysUserIs404ForEveryActionAndStaysUnchanged() {
    List<String[]> calls =
        List.of(
            new String[] {"GET", "/api/v1/admin/users/alice", ""},
            new String[] {"PUT", "/api/v1/admin/users/alice/roles", "{\"roles\":[\"ANALYST\"]}"},
            new String[] {"POST", "/api/v1/admin/users/alice/disable", ""},
            new String[] {"POST", "/api/v1/admin/users/alice/enable", ""},
            new String[] {"POST", "/api/v1/admin/users/alice/password", "{\"password\":\"x\"}"},
            new String[] {"POST", "/api/v1/admin/users/alice/totp-reset", ""},
            new String[] {"PUT", "/api/v1/admin/users/alice/roles", "not even json"});
    var before = backend.accounts().find("alice").orElseThrow();
    for (String[] c : calls) {
      HttpResponse<String> r = adm(c[0], c[1], c[2]);
      assertThat(r.statusCode()).as(c[0] + " " + c[1] + ": " + r.body()).isEqualTo(404);
    }
    assertThat(backend.accounts().find("alice").orElseThrow()).isEqualTo(before);
    assertThat(json(adm("GET", "/api/v1/admin/users", "")).findValuesAsText("username"))
        .contains("adm-one")
        .doesNotContain("alice", "bob", "pat");
  }

  @Test
  void onlyAdministratorsManageUsersAndOnlySystemAdministratorsManageAgencies() {
    assertThat(send(alice("/api/v1/admin/users").GET()).statusCode()).isEqualTo(403);
    assertThat(as("sys-one", "GET", "/api/v1/admin/users", "").statusCode()).isEqualTo(403);
    assertThat(adm("GET", "/api/v1/admin/agencies", "").statusCode()).isEqualTo(403);
    assertThat(
            adm("POST", "/api/v1/admin/agencies", "{\"code\":\"X\",\"name\":\"X\"}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aSystemAdministratorRegistersListsAndRenamesAgencies() {
    HttpResponse<String> created =
        as(
            "sys-one",
            "POST",
            "/api/v1/admin/agencies",
            "{\"code\":\"ICAC-NEW\",\"name\":\"New Unit\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created).get("name").asText()).isEqualTo("New Unit");
    assertThat(
            as(
                    "sys-one",
                    "POST",
                    "/api/v1/admin/agencies",
                    "{\"code\":\"ICAC-NEW\",\"name\":\"Again\"}")
                .statusCode())
        .isEqualTo(409);
    assertThat(
            json(as(
                    "sys-one",
                    "POST",
                    "/api/v1/admin/agencies",
                    "{\"code\":\"bad code\",\"name\":\"x\"}"))
                .get("error")
                .asText())
        .startsWith("code:");

    HttpResponse<String> renamed =
        as("sys-one", "PUT", "/api/v1/admin/agencies/ICAC-NEW", "{\"name\":\"North Unit\"}");
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(json(as("sys-one", "GET", "/api/v1/admin/agencies", "")).findValuesAsText("name"))
        .contains("North Unit");
    assertThat(
            as("sys-one", "PUT", "/api/v1/admin/agencies/NO-SUCH", "{\"name\":\"x\"}").statusCode())
        .isEqualTo(404);
    List<AuditEntry> renames = TestAccounts.entries(backend, AuditAction.AGENCY_RENAMED, "sys-one");
    assertThat(renames.getLast().detail()).isEqualTo("name 'New Unit' -> 'North Unit'");
    assertThat(TestAccounts.entries(backend, AuditAction.AGENCY_CREATED, "sys-one"))
        .anyMatch(e -> e.subjectId().equals("ICAC-NEW"));
  }
}
