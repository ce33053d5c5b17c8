package org.tiptrace.app.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.rules.RuleKind;
import org.tiptrace.rules.StoredRuleSet;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipJson;
import org.tiptrace.triage.StoredTriage;

/**
 * {@code /api/v1/rules/**} and {@code /admin/rules/**} over real HTTP: administrators only (403 for
 * everyone else), valid and invalid submissions (nothing stored on error, each problem with its
 * line), activation re-scores the stored tips in a job (their results record the stored version),
 * roll-back, the gate's counsel-review check, CSRF and labelled fields on the pages. The web tests
 * share one database: each test restores the triage version that was active when it started.
 */
class RulesWebTest extends WebTest {
  private static final String ADMIN = "rules-admin-a";
  private static final String BOUNDARY = "tiptrace-rules-boundary";

  @Autowired LinkTriageService linkTriage;

  private int activeAtStart;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(backend, ADMIN, AGENCY_A, Role.ADMINISTRATOR);
    activeAtStart = active(RuleKind.TRIAGE).version();
  }

  @AfterEach
  void restore() throws Exception {
    if (active(RuleKind.TRIAGE).version() != activeAtStart) {
      JsonNode done = activate("triage", activeAtStart, 200);
      waitFor(done.at("/rescoreJob/id").asText());
    }
  }

  private StoredRuleSet active(RuleKind kind) {
    return backend.ruleSets().active(kind).orElseThrow();
  }

  private HttpRequest.Builder admin(String path) {
    return basic(path, ADMIN, TestAccounts.password(ADMIN));
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return TipJson.mapper().readTree(r.body());
  }

  private HttpResponse<String> submit(String kind, String yaml, String note) {
    return send(
        admin("/api/v1/rules/" + kind + "?note=" + URLEncoder.encode(note, StandardCharsets.UTF_8))
            .header("Content-Type", "application/yaml")
            .POST(HttpRequest.BodyPublishers.ofString(yaml)));
  }

  private JsonNode activate(String kind, int version, int status) throws Exception {
    HttpResponse<String> r =
        send(
            admin("/api/v1/rules/" + kind + "/" + version + "/activate?note=test")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return json(r);
  }

  private JsonNode waitFor(String jobId) throws Exception {
    Instant until = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      HttpResponse<String> r = send(admin("/api/v1/rules/jobs/" + jobId).GET());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode j = json(r);
      String state = j.path("state").asText();
      if (state.equals("DONE") || state.equals("FAILED")) {
        assertThat(state).as(r.body()).isEqualTo("DONE");
        return j;
      }
      assertThat(Instant.now()).as("job " + jobId + " did not finish").isBefore(until);
      Thread.sleep(100);
    }
  }

  /** The active triage file with a new file version and lower tiers (tips move up). */
  private String lowerTiers(String version) {
    StoredRuleSet a = active(RuleKind.TRIAGE);
    String yaml =
        a.text()
            .replace("version: \"" + a.fileVersion() + "\"", "version: \"" + version + "\"")
            .replace("  tier1: 100", "  tier1: 3")
            .replace("  tier2: 60", "  tier2: 2")
            .replace("  tier3: 30", "  tier3: 1");
    assertThat(yaml).contains("  tier1: 3");
    return yaml;
  }

  private static String unique(String prefix) {
    return prefix + "-" + Long.toHexString(System.nanoTime());
  }

  private List<AuditEntry> audit() {
    List<AuditEntry> all = new java.util.ArrayList<>();
    while (true) {
      List<AuditEntry> page =
          backend.auditLog().read(all.isEmpty() ? 0 : all.get(all.size() - 1).sequence(), 10_000);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
    }
  }

  @Test
  void onlyAdministratorsReachTheRules() {
    for (String path : List.of("/api/v1/rules", "/api/v1/rules/triage/1")) {
      assertThat(send(alice(path).GET()).statusCode()).as(path).isEqualTo(403);
      assertThat(send(bob(path).GET()).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(
            send(alice("/api/v1/rules/triage?note=x")
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString("version: x")))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send(alice("/api/v1/rules/triage/1/activate").POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(403);
    HttpClient alicePages = formLogin("alice", "alice-secret");
    assertThat(send(alicePages, request("/admin/rules").GET().build()).statusCode()).isEqualTo(403);
  }

  @Test
  void listAndShowTheSeededVersions() throws Exception {
    HttpResponse<String> list = send(admin("/api/v1/rules").GET());
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode l = json(list);
    assertThat(l.path("notice").asText()).contains("does not give legal advice");
    assertThat(l.at("/kinds/0/kind").asText()).isEqualTo("triage");
    assertThat(l.at("/kinds/0/versions/0/submittedBy").asText()).isEqualTo("system");
    assertThat(l.at("/kinds/1/kind").asText()).isEqualTo("viewing-gate");

    JsonNode triage = json(send(admin("/api/v1/rules/triage/1").GET()));
    assertThat(triage.path("yaml").asText())
        .isEqualTo(new String(ActiveRules.jarFile(RuleKind.TRIAGE), StandardCharsets.UTF_8));
    assertThat(triage.at("/triage/recordedAs").asText()).isEqualTo("v1 (2026.11-2)");
    assertThat(triage.at("/version/sha256").asText()).hasSize(64);

    JsonNode gate = json(send(admin("/api/v1/rules/viewing-gate/1").GET()));
    assertThat(gate.at("/gate/reviewedBy").isNull()).isTrue();
    assertThat(gate.at("/gate/rules/0/citations/0/key").asText()).startsWith("S");
    assertThat(gate.at("/gate/rules/0/citations/0/text").asText()).isNotBlank();
    assertThat(gate.at("/gate/notice").asText()).contains("legal advice");

    assertThat(send(admin("/api/v1/rules/speeding/1").GET()).statusCode()).isEqualTo(404);
    assertThat(send(admin("/api/v1/rules/triage/9999").GET()).statusCode()).isEqualTo(404);
    assertThat(send(admin("/api/v1/rules/triage/one").GET()).statusCode()).isEqualTo(404);
    assertThat(audit())
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo(AuditAction.RULE_SET_VIEWED);
              assertThat(e.subjectId()).isEqualTo("triage/v9999");
              assertThat(e.actor()).isEqualTo(ADMIN);
            });
  }

  @Test
  void anInvalidSubmissionNamesLinesAndStoresNothing() throws Exception {
    int versions = backend.ruleSets().list(RuleKind.TRIAGE).size();
    long archivedBefore = audit().size();
    String yaml = lowerTiers(unique("bad")).replace("  tier2: 2\n", "  tier2: two\n");
    int line = (int) yaml.substring(0, yaml.indexOf("  tier2: two")).lines().count() + 1;
    HttpResponse<String> r = submit("triage", yaml, "try");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode body = json(r);
    assertThat(body.path("error").asText()).contains("nothing was stored");
    assertThat(body.path("problems"))
        .anySatisfy(
            p -> {
              assertThat(p.path("line").asInt()).isEqualTo(line);
              assertThat(p.path("reason").asText())
                  .isEqualTo("tiers.tier2: 'two' is not an integer");
            });
    HttpResponse<String> noNote = submit("triage", lowerTiers(unique("ok")), " ");
    assertThat(noNote.statusCode()).isEqualTo(400);
    assertThat(noNote.body()).contains("note: required");
    assertThat(backend.ruleSets().list(RuleKind.TRIAGE)).hasSize(versions);
    assertThat(audit().subList((int) archivedBefore, audit().size()))
        .filteredOn(e -> e.action() == AuditAction.RULE_SET_REFUSED)
        .hasSize(2);
  }

  @Test
  void activatingATriageVersionRescoresStoredTipsAndRollsBack() throws Exception {
    Tip tip = insertTip(AGENCY_A, "8810001", "rules-web-user");
    linkTriage.tipChanged(AGENCY_A, tip.id());
    StoredTriage before = backend.triageStore().find(AGENCY_A, tip.id()).orElseThrow();
    StoredRuleSet was = active(RuleKind.TRIAGE);
    assertThat(before.result().rulesVersion())
        .isEqualTo("v" + was.version() + " (" + was.fileVersion() + ")");

    String fileVersion = unique("web");
    HttpResponse<String> stored = submit("triage", lowerTiers(fileVersion), "lower the tiers");
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    int v = json(stored).at("/version/version").asInt();
    assertThat(stored.headers().firstValue("Location")).hasValue("/api/v1/rules/triage/" + v);
    assertThat(json(stored).at("/version/active").asBoolean()).isFalse();

    JsonNode diff = json(send(admin("/api/v1/rules/triage/" + v + "/diff").GET()));
    assertThat(diff.path("unified").asText()).contains("-  tier1: 100").contains("+  tier1: 3");

    JsonNode activated = activate("triage", v, 200);
    assertThat(activated.at("/previous/version").asInt()).isEqualTo(was.version());
    assertThat(activated.at("/active/version").asInt()).isEqualTo(v);
    JsonNode job = waitFor(activated.at("/rescoreJob/id").asText());
    assertThat(job.path("done").asInt()).isEqualTo(job.path("total").asInt()).isPositive();
    StoredTriage after = backend.triageStore().find(AGENCY_A, tip.id()).orElseThrow();
    assertThat(after.result().rulesVersion()).isEqualTo("v" + v + " (" + fileVersion + ")");
    assertThat(after.result().tier().name()).isEqualTo("TIER_1");
    assertThat(before.result().tier().name()).isNotEqualTo("TIER_1");

    // A new tip is scored with the active version too.
    Tip fresh = insertTip(AGENCY_A, "8810002", "rules-web-user-2");
    linkTriage.tipChanged(AGENCY_A, fresh.id());
    assertThat(
            backend.triageStore().find(AGENCY_A, fresh.id()).orElseThrow().result().rulesVersion())
        .isEqualTo("v" + v + " (" + fileVersion + ")");

    assertThat(activate("triage", v, 409).path("error").asText()).contains("already active");

    // Roll back: the earlier version scores again.
    JsonNode back = activate("triage", was.version(), 200);
    waitFor(back.at("/rescoreJob/id").asText());
    StoredTriage restored = backend.triageStore().find(AGENCY_A, tip.id()).orElseThrow();
    assertThat(restored.result().rulesVersion()).isEqualTo(before.result().rulesVersion());
    // (The score may differ by the second tip's link signals; the tier is the rules'.)
    assertThat(restored.result().tier()).isEqualTo(before.result().tier());
    assertThat(audit())
        .filteredOn(e -> e.action() == AuditAction.RULE_SET_ACTIVATED)
        .extracting(AuditEntry::detail)
        .anySatisfy(d -> assertThat(d).contains("-> triage v" + v).contains("note: test"))
        .anySatisfy(d -> assertThat(d).contains("(roll-back)"));

    // Another agency's administrator cannot read the job.
    TestAccounts.ensure(backend, "rules-admin-b", AGENCY_B, Role.ADMINISTRATOR);
    assertThat(
            send(basic(
                        "/api/v1/rules/jobs/" + back.at("/rescoreJob/id").asText(),
                        "rules-admin-b",
                        TestAccounts.password("rules-admin-b"))
                    .GET())
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aGateVersionWithoutCounselReviewIsNotActivated() throws Exception {
    StoredRuleSet gate = active(RuleKind.VIEWING_GATE);
    int next = backend.ruleSets().list(RuleKind.VIEWING_GATE).size() + 1;
    String draft = gate.text().replaceFirst("(?m)^version: \\d+$", "version: " + next);
    HttpResponse<String> stored = submit("viewing-gate", draft, "draft for counsel");
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    JsonNode refused = activate("viewing-gate", next, 409);
    assertThat(refused.path("error").asText())
        .contains("records no counsel review")
        .contains("does not give legal advice");
    assertThat(active(RuleKind.VIEWING_GATE).version()).isEqualTo(gate.version());
  }

  @Test
  void thePagesSubmitWithCsrfShowProblemsDiffAndActivate() throws Exception {
    HttpClient page = formLogin(ADMIN, TestAccounts.password(ADMIN));
    assertThat(send(page, request("/admin").GET().build()).body())
        .contains("href=\"/admin/rules\"");
    HttpResponse<String> list = send(page, request("/admin/rules").GET().build());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("does not give legal advice")
        .contains("<label for=\"triage-yaml\">")
        .contains("<label for=\"triage-note\">")
        .contains("<label for=\"viewing-gate-file\">")
        .contains("name=\"_csrf\"")
        .doesNotContain("<script>")
        .doesNotContain("style=");
    String csrf = csrfToken(page, "/admin/rules");

    String bad = lowerTiers(unique("page-bad")).replace("  tier3: 1", "  tier3: low");
    HttpResponse<String> noToken = send(page, form("/admin/rules/triage", bad, "x", null));
    assertThat(noToken.statusCode()).as("no CSRF token").isEqualTo(403);
    HttpResponse<String> refused = send(page, form("/admin/rules/triage", bad, "x", csrf));
    assertThat(refused.statusCode()).isEqualTo(400);
    int line = (int) bad.substring(0, bad.indexOf("  tier3: low")).lines().count() + 1;
    assertThat(refused.body())
        .contains("Refused: the triage rules were not stored")
        .contains("line " + line + ": tiers.tier3: &#39;low&#39; is not an integer");

    // Uploaded as a file, the token in the multipart body.
    String fileVersion = unique("page");
    HttpResponse<String> stored =
        send(
            page,
            request("/admin/rules/triage")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        multipart(csrf, "uploaded by page", "page.yaml", lowerTiers(fileVersion))))
                .build());
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(302);
    String location = stored.headers().firstValue("Location").orElseThrow();
    Matcher m = Pattern.compile("/admin/rules/triage/(\\d+)\\?stored").matcher(location);
    assertThat(m.find()).as(location).isTrue();
    int v = Integer.parseInt(m.group(1));
    HttpResponse<String> show =
        send(page, request("/admin/rules/triage/" + v + "?stored").GET().build());
    assertThat(show.body())
        .contains("Stored as a new, inactive version.")
        .contains("class=\"diff-removed\">-  tier1: 100")
        .contains("class=\"diff-added\">+  tier1: 3")
        .contains("<label for=\"activate-note\">")
        .contains("Activate v" + v);

    HttpResponse<String> started =
        send(
            page,
            request("/admin/rules/triage/" + v + "/activate")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "note=page&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
    String jobPath = started.headers().firstValue("Location").orElseThrow();
    String id = jobPath.substring(jobPath.lastIndexOf('/') + 1);
    waitFor(id);
    assertThat(send(page, request("/admin/rules/jobs/" + id).GET().build()).body())
        .contains("<progress")
        .contains("DONE")
        .contains("triage v" + v);

    HttpResponse<String> gatePage =
        send(page, request("/admin/rules/viewing-gate/1").GET().build());
    assertThat(gatePage.body())
        .contains("[S15] ")
        .contains("GATE_ESP_VIEWED")
        .contains("none recorded: this version cannot be activated")
        .doesNotContain("id=\"activate\"");
  }

  private HttpRequest form(String path, String yaml, String note, String csrf) {
    String body =
        "yaml="
            + URLEncoder.encode(yaml, StandardCharsets.UTF_8)
            + "&note="
            + URLEncoder.encode(note, StandardCharsets.UTF_8)
            + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    return request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static byte[] multipart(String csrf, String note, String fileName, String content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String text =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + csrf
            + "\r\n--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n"
            + note
            + "\r\n--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/yaml\r\n\r\n"
            + content
            + "\r\n--"
            + BOUNDARY
            + "--\r\n";
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
