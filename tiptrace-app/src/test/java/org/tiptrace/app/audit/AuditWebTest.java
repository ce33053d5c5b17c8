package org.tiptrace.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.audit.AuditLog;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.audit.AuditVerifier;
import org.tiptrace.tip.Tip;

/** What the web app writes to the audit log: views, lists, intake, logins. */
class AuditWebTest extends WebTest {

  private List<AuditEntry> entries() {
    List<AuditEntry> all = new ArrayList<>();
    long after = 0;
    while (true) {
      List<AuditEntry> page = backend.auditLog().read(after, AuditLog.MAX_PAGE);
      all.addAll(page);
      if (page.size() < AuditLog.MAX_PAGE) {
        return all;
      }
      after = page.getLast().sequence();
    }
  }

  private List<AuditEntry> entries(AuditAction action, String actor) {
    return entries().stream().filter(e -> e.action() == action && e.actor().equals(actor)).toList();
  }

  @Test
  void anApiTipViewRecordsActorAgencyAndTip() {
    Tip tip = insertTip(AGENCY_A, "AUDIT-VIEW", "viewed");

    assertThat(send(alice("/api/v1/tips/" + tip.id()).GET()).statusCode()).isEqualTo(200);

    assertThat(entries(AuditAction.TIP_VIEWED, "alice"))
        .anySatisfy(
            e -> {
              assertThat(e.agency()).contains(AGENCY_A);
              assertThat(e.subjectType()).isEqualTo(AuditSubjectType.TIP);
              assertThat(e.subjectId()).isEqualTo(tip.id().toString());
              assertThat(e.detail()).isEqualTo("api");
            });
    assertThat(entries(AuditAction.LOGIN_SUCCEEDED, "alice"))
        .anySatisfy(e -> assertThat(e.detail()).isEqualTo("api basic"));
    assertThat(new AuditVerifier(backend.auditLog()).verify().intact()).isTrue();
  }

  @Test
  void aForeignTipRequestIsRecordedToo() {
    Tip tip = insertTip(AGENCY_A, "AUDIT-PROBE", "probed");

    assertThat(send(bob("/api/v1/tips/" + tip.id()).GET()).statusCode()).isEqualTo(404);

    assertThat(entries(AuditAction.TIP_VIEWED, "bob"))
        .anySatisfy(
            e -> {
              assertThat(e.agency()).contains(AGENCY_B);
              assertThat(e.subjectId()).isEqualTo(tip.id().toString());
            });
  }

  @Test
  void pageViewListAndFormLoginAreRecorded() {
    Tip tip = insertTip(AGENCY_A, "AUDIT-PAGE", "paged");
    HttpClient client = formLogin("alice", "alice-secret");

    assertThat(send(client, request("/tips/" + tip.id()).GET().build()).statusCode())
        .isEqualTo(200);
    assertThat(send(client, request("/").GET().build()).statusCode()).isEqualTo(200);

    assertThat(entries(AuditAction.TIP_VIEWED, "alice"))
        .anySatisfy(
            e -> {
              assertThat(e.subjectId()).isEqualTo(tip.id().toString());
              assertThat(e.detail()).isEqualTo("page");
              assertThat(e.agency()).contains(AGENCY_A);
            });
    assertThat(entries(AuditAction.TIP_LISTED, "alice"))
        .anySatisfy(e -> assertThat(e.detail()).isEqualTo("page"));
    assertThat(entries(AuditAction.LOGIN_SUCCEEDED, "alice"))
        .anySatisfy(e -> assertThat(e.detail()).isEqualTo("form"));
  }

  @Test
  void failedLoginsAreRecordedWithTheTriedName() {
    send(basic("/api/v1/tips", "mallory-api", "wrong").GET());
    send(client(), formPost("/login", "mallory-form", "wrong", Optional.empty()));
    HttpClient c = client();
    send(c, formPost("/login", "mallory-form", "wrong", Optional.of(csrfToken(c, "/login"))));

    assertThat(entries(AuditAction.LOGIN_FAILED, "mallory-api"))
        .anySatisfy(
            e -> {
              assertThat(e.agency()).isEmpty();
              assertThat(e.detail()).startsWith("api basic: ");
            });
    assertThat(entries(AuditAction.LOGIN_FAILED, "mallory-form"))
        .anySatisfy(e -> assertThat(e.detail()).startsWith("form: "));
  }

  @Test
  void hotlinePlatformLoginsAreRecordedWithThePlatformsAgency() {
    send(basic("/ispws/status", "esp-photos", "photos-secret").GET());
    send(basic("/ispws/status", "esp-photos", "nope").GET());

    assertThat(entries(AuditAction.HOTLINE_LOGIN_SUCCEEDED, "esp-photos"))
        .anySatisfy(
            e -> {
              assertThat(e.agency()).contains(AGENCY_A);
              assertThat(e.detail()).isEqualTo("hotline");
            });
    assertThat(entries(AuditAction.HOTLINE_LOGIN_FAILED, "esp-photos"))
        .anySatisfy(e -> assertThat(e.detail()).startsWith("hotline: "));
  }

  @Test
  void intakeRecordsEachDocument() {
    String reportId = "AUDIT-INTAKE";
    HttpRequest.Builder post =
        basic("/api/v1/intake", "carol", "carol-secret")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(TestDocuments.leJson(reportId, "u")));

    assertThat(send(post).statusCode()).isEqualTo(200);

    assertThat(entries(AuditAction.DOCUMENT_INGESTED, "carol"))
        .anySatisfy(
            e -> {
              assertThat(e.agency()).contains(AGENCY_A);
              assertThat(e.subjectType()).isEqualTo(AuditSubjectType.DOCUMENT);
              assertThat(e.subjectId()).hasSize(64);
              assertThat(e.detail()).contains("outcome=ACCEPTED");
            });
  }
}
