package org.tiptrace.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.WebTest;

/** The role table of docs/architecture.md, as the API enforces it. */
class RolesWebTest extends WebTest {

  @BeforeEach
  void accounts() {
    for (Role r : Role.values()) {
      TestAccounts.ensure(
          backend, "role-" + r.name().toLowerCase(java.util.Locale.ROOT), AGENCY_A, r);
    }
  }

  private int status(Role role, String method, String path) {
    String user = "role-" + role.name().toLowerCase(java.util.Locale.ROOT);
    return send(basic(path, user, TestAccounts.password(user))
            .header("Content-Type", "application/json")
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}")))
        .statusCode();
  }

  @Test
  void readingTipsIsForAnalystsInvestigatorsSupervisorsAndProsecutors() {
    for (Role r : new Role[] {Role.ANALYST, Role.INVESTIGATOR, Role.SUPERVISOR, Role.PROSECUTOR}) {
      assertThat(status(r, "GET", "/api/v1/tips")).as(r.name()).isEqualTo(200);
    }
    for (Role r : new Role[] {Role.ADMINISTRATOR, Role.INTAKE}) {
      assertThat(status(r, "GET", "/api/v1/tips")).as(r.name()).isEqualTo(403);
    }
  }

  @Test
  void intakeIsForIntakeInvestigatorsAndSupervisorsButNotTheReadOnlyProsecutor() {
    for (Role r : new Role[] {Role.INTAKE, Role.INVESTIGATOR, Role.SUPERVISOR}) {
      assertThat(status(r, "POST", "/api/v1/intake"))
          .as(r.name() + " passes authorisation (then the empty body is refused)")
          .isNotIn(401, 403);
    }
    for (Role r : new Role[] {Role.PROSECUTOR, Role.ANALYST, Role.ADMINISTRATOR}) {
      assertThat(status(r, "POST", "/api/v1/intake")).as(r.name()).isEqualTo(403);
    }
  }
}
