package org.tiptrace.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tiptrace.account.ApiToken;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.tip.Tip;

/** {@code Authorization: Bearer} on the API: owner's agency and roles; refusals are JSON 401s. */
class BearerTokenWebTest extends WebTest {

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(backend, "token-reader", AGENCY_A, Role.ANALYST);
    TestAccounts.ensure(backend, "token-intake", AGENCY_B, Role.INTAKE);
  }

  private String token(String user, Instant expires) {
    String token = ApiTokens.newToken();
    backend
        .accounts()
        .addToken(user, "test", ApiTokens.digest(token), Instant.now().minusSeconds(60), expires);
    return token;
  }

  private HttpResponse<String> get(String path, String token) {
    return send(request(path).header("Authorization", "Bearer " + token).GET());
  }

  @Test
  void anActiveTokenActsAsItsOwnerWithTheOwnersAgencyAndRoles() {
    Tip mine = insertTip(AGENCY_A, "BEARER-A", "bearer-a");
    Tip theirs = insertTip(AGENCY_B, "BEARER-B", "bearer-b");
    String token = token("token-reader", Instant.now().plus(Duration.ofDays(1)));

    HttpResponse<String> own = get("/api/v1/tips/" + mine.id(), token);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains("BEARER-A");
    HttpResponse<String> other = get("/api/v1/tips/" + theirs.id(), token);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("BEARER-B");

    String intakeToken = token("token-intake", Instant.now().plus(Duration.ofDays(1)));
    assertThat(get("/api/v1/tips", intakeToken).statusCode())
        .as("INTAKE may not read")
        .isEqualTo(403);

    ApiToken stored = backend.accounts().findToken(ApiTokens.digest(token)).orElseThrow();
    assertThat(stored.lastUsedAt()).isPresent();
    assertThat(TestAccounts.entries(backend, AuditAction.TOKEN_USED, "token-reader"))
        .anySatisfy(
            e -> {
              assertThat(e.subjectId()).isEqualTo(Long.toString(stored.id()));
              assertThat(e.agency()).contains(AGENCY_A);
              assertThat(e.detail()).isEqualTo("GET /api/v1/tips/" + mine.id());
            });
  }

  @Test
  void revokedExpiredAndUnknownTokensAre401WithTheApiErrorShape() {
    String revoked = token("token-reader", Instant.now().plus(Duration.ofDays(1)));
    ApiToken stored = backend.accounts().findToken(ApiTokens.digest(revoked)).orElseThrow();
    backend.accounts().revokeToken("token-reader", stored.id(), Instant.now());
    String expired = token("token-reader", Instant.now().minusSeconds(1));

    for (String token : new String[] {revoked, expired, "tt_not-a-real-token"}) {
      HttpResponse<String> r = get("/api/v1/tips", token);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
      assertThat(r.body())
          .isEqualTo(
              "{\"status\":401,\"error\":\"invalid, expired or revoked token\",\"path\":\"/api/v1/tips\"}");
    }
    assertThat(TestAccounts.entries(backend, AuditAction.TOKEN_REFUSED, "token-reader"))
        .extracting(e -> e.detail().substring(0, e.detail().indexOf(',')))
        .contains("revoked", "expired");
    assertThat(TestAccounts.entries(backend, AuditAction.TOKEN_REFUSED, "(unknown token)"))
        .isNotEmpty();
  }

  @Test
  void aDisabledOwnersTokenStopsWorking() {
    TestAccounts.ensure(backend, "token-leaver", AGENCY_A, Role.ANALYST);
    String token = token("token-leaver", Instant.now().plus(Duration.ofDays(1)));
    assertThat(get("/api/v1/tips", token).statusCode()).isEqualTo(200);

    backend.accounts().setEnabled("token-leaver", false);

    assertThat(get("/api/v1/tips", token).statusCode()).isEqualTo(401);
  }
}
