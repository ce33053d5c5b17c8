package org.tiptrace.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.system.ApiTokens;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.app.testing.TestIntake;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.evidence.TipFiles;
import org.tiptrace.tip.Tip;

/**
 * The cross-agency probe (issue 6): every handler method the running app maps is called by a user
 * of agency B who holds every role (so no role check can hide a missing agency check), with the ids
 * of objects that really exist in agency A. A route with a path variable must answer 403 or 404; no
 * answer may contain A's data.
 *
 * <p>A route whose path variable has no entry in {@link #objectsOfA} fails this test: whoever adds
 * the endpoint registers how to create an object of agency A for it, so the probe keeps covering
 * every endpoint.
 */
class CrossAgencyProbeTest extends WebTest {
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

  /** Routes that hold no agency object: the sign-in pages and the error page. */
  private static final Set<String> NOT_OBJECTS =
      Set.of("/login", "/error", "/login/totp", "/login/totp/enrol", "/login/oidc/refused");

  @Autowired LinkTriageService linkTriage;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  /** Markers of agency A's data: none may appear in an answer to agency B. */
  private static final String A_REPORT = "PROBE-A-7731";

  private static final String A_USER = "probe-a-sunflower";

  /** Path variable name → the id of a real object of agency A. */
  private Map<String, Supplier<String>> objectsOfA(Tip tipOfA) {
    Map<String, Supplier<String>> ids = new LinkedHashMap<>();
    ids.put("id", () -> tipOfA.id().toString());
    ids.put("tipId", () -> tipOfA.id().toString());
    ids.put("fileId", () -> TipFiles.of(tipOfA).get(0).ref().value());
    // The pages name a subject by its anchor person: "t12-R0" for S-t12/R0.
    ids.put("/subjects/{id}", () -> "t" + tipOfA.id() + "-R0");
    // The API names a subject by its stored id in URL form: S-t12.R0.
    ids.put(
        "/api/v1/subjects/{id}",
        () -> {
          linkTriage.tipChanged(AGENCY_A, tipOfA.id());
          return backend.linkStore().subjectsOfTip(tipOfA.id()).get(0).urlId();
        });
    ids.put("/api/v1/jobs/{id}", this::jobOfA);
    ids.put("/ip/jobs/{id}", this::jobOfA);
    ids.put("/api/v1/hashsets/jobs/{id}", this::hashSetJobOfA);
    ids.put("/admin/hashsets/jobs/{id}", this::hashSetJobOfA);
    // Hash sets are national, not agency A's: B's administrator may remove any of them, so the
    // probe names a set that does not exist (404) rather than removing a real one.
    ids.put("/api/v1/hashsets/{name}", () -> "probe-no-such-set");
    // Rule sets are national too: B's administrator may read and activate any version, so the
    // probe names a kind that does not exist (404); the re-scoring jobs are agency A's.
    ids.put("/api/v1/rules/{kind}", () -> "probe-no-such-kind");
    ids.put("/api/v1/rules/{kind}/{version}", () -> "1");
    ids.put("/admin/rules/{kind}", () -> "probe-no-such-kind");
    ids.put("/admin/rules/{kind}/{version}", () -> "1");
    ids.put("/api/v1/rules/jobs/{id}", this::ruleJobOfA);
    ids.put("/admin/rules/jobs/{id}", this::ruleJobOfA);
    // Account administration: a real user of agency A (B's administrator must get 404, and the
    // user must stay unchanged). Agencies are managed across agencies by SYSTEM_ADMINISTRATOR
    // (decision 0016), so the probe names an agency that does not exist rather than renaming A.
    ids.put(
        "username",
        () -> {
          TestAccounts.ensure(backend, "probe-a-admin", AGENCY_A, Role.ADMINISTRATOR);
          return "probe-a-admin";
        });
    ids.put("code", () -> "probe-no-such-agency");
    return ids;
  }

  private String ruleJobOfA;

  /**
   * A real re-scoring job of agency A: A's administrator stores the active triage rules under a new
   * file version, activates it (the job), and rolls back (same rules, so no score changes).
   */
  private String ruleJobOfA() {
    if (ruleJobOfA == null) {
      String admin = "probe-a-admin";
      TestAccounts.ensure(backend, admin, AGENCY_A, Role.ADMINISTRATOR);
      org.tiptrace.rules.StoredRuleSet active =
          backend.ruleSets().active(org.tiptrace.rules.RuleKind.TRIAGE).orElseThrow();
      String copy =
          active
              .text()
              .replace(
                  "version: \"" + active.fileVersion() + "\"",
                  "version: \"probe-" + System.nanoTime() + "\"");
      HttpResponse<String> stored =
          send(
              basic("/api/v1/rules/triage?note=probe", admin, TestAccounts.password(admin))
                  .header("Content-Type", "application/yaml")
                  .POST(HttpRequest.BodyPublishers.ofString(copy)));
      assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
      String location = stored.headers().firstValue("Location").orElseThrow();
      HttpResponse<String> activated =
          send(
              basic(location + "/activate", admin, TestAccounts.password(admin))
                  .POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
      java.util.regex.Matcher id =
          Pattern.compile("\"rescoreJob\":\\{\"id\":\"([0-9a-f]+)\"").matcher(activated.body());
      assertThat(id.find()).as(activated.body()).isTrue();
      ruleJobOfA = id.group(1);
      HttpResponse<String> back =
          send(
              basic(
                      "/api/v1/rules/triage/" + active.version() + "/activate",
                      admin,
                      TestAccounts.password(admin))
                  .POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    }
    return ruleJobOfA;
  }

  private String hashSetJobOfA;

  /** A real hash-set job of agency A: A's administrator uploads a malformed set (it fails). */
  private String hashSetJobOfA() {
    if (hashSetJobOfA == null) {
      String admin = "probe-a-admin";
      TestAccounts.ensure(backend, admin, AGENCY_A, Role.ADMINISTRATOR);
      String boundary = "probe-boundary";
      String body =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nvics\r\n--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nProbe Set\r\n--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1\r\n--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nOTHER\r\n--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"probe.json\""
              + "\r\nContent-Type: application/json\r\n\r\n{ not json\r\n--"
              + boundary
              + "--\r\n";
      HttpResponse<String> started =
          send(
              basic("/api/v1/hashsets", admin, TestAccounts.password(admin))
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(HttpRequest.BodyPublishers.ofString(body)));
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      String location = started.headers().firstValue("Location").orElseThrow();
      hashSetJobOfA = location.substring(location.lastIndexOf('/') + 1);
    }
    return hashSetJobOfA;
  }

  private String jobOfA;

  /** A real background job of agency A: alice (a supervisor of A) starts a re-assessment. */
  private String jobOfA() {
    if (jobOfA == null) {
      HttpResponse<String> started =
          send(alice("/api/v1/ip/reassess").POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      String location = started.headers().firstValue("Location").orElseThrow();
      jobOfA = location.substring(location.lastIndexOf('/') + 1);
    }
    return jobOfA;
  }

  @Test
  void everyEndpointAsAnotherAgencyOnAgencyAsObjectsIs403Or404AndLeaksNothing() {
    Tip markedTip = insertTip(AGENCY_A, A_REPORT, A_USER);
    // The probed tip: same user, a numeric report id, and a file (for the viewing gate's routes).
    insertTip(AGENCY_A, "77310091", A_USER);
    Tip tipOfA =
        TestIntake.ingest(
            backend,
            AGENCY_A,
            "probe-file.xml",
            TestDocuments.fileDetails("77310091", "probe-a.jpg"),
            Instant.parse("2026-02-01T10:05:00Z"));
    assertThat(send(alice("/api/v1/tips/" + tipOfA.id()).GET()).body()).contains(A_USER);
    assertThat(send(alice("/api/v1/tips/" + markedTip.id()).GET()).body())
        .as("the markers are in A's own view, so their absence below means something")
        .contains(A_REPORT)
        .contains(A_USER);

    TestAccounts.ensure(backend, "probe-b", AGENCY_B, Role.values());
    String token = ApiTokens.newToken();
    backend
        .accounts()
        .addToken(
            "probe-b",
            "probe",
            ApiTokens.digest(token),
            Instant.now().minusSeconds(5),
            Instant.now().plus(Duration.ofHours(1)));
    HttpClient pages = formLogin("probe-b", TestAccounts.password("probe-b"));
    String csrf = csrfToken(pages, "/");
    Map<String, Supplier<String>> ids = objectsOfA(tipOfA);

    List<String> probed = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
              List<RequestMethod> methods =
                  declared.isEmpty()
                      ? List.of(RequestMethod.GET, RequestMethod.POST)
                      : List.copyOf(declared);
              for (String pattern : info.getPatternValues()) {
                String path = fill(pattern, ids, problems, handler.toString());
                if (path == null) {
                  continue;
                }
                boolean object = VARIABLE.matcher(pattern).find();
                for (RequestMethod method : methods) {
                  HttpResponse<String> r = call(pages, csrf, token, method.name(), path);
                  String what = method + " " + pattern + " as " + path;
                  probed.add(method + " " + pattern);
                  if (object && !NOT_OBJECTS.contains(pattern)) {
                    if (r.statusCode() != 403 && r.statusCode() != 404) {
                      problems.add(what + ": status " + r.statusCode() + " (403 or 404 expected)");
                    }
                  }
                  if (r.body().contains(A_REPORT) || r.body().contains(A_USER)) {
                    problems.add(what + ": the body contains agency A's data: " + r.body());
                  }
                }
              }
            });

    assertThat(problems).as("probed: " + probed).isEmpty();
    var probedAdmin = backend.accounts().find("probe-a-admin").orElseThrow();
    assertThat(probedAdmin.enabled()).as("B's administrator did not disable A's user").isTrue();
    assertThat(probedAdmin.roles()).containsExactly("ADMINISTRATOR");
    assertThat(probed)
        .as("the probe reached the known endpoints")
        .contains("GET /api/v1/tips/{id}", "GET /tips/{id}", "GET /api/v1/tips", "GET /");
  }

  /** The pattern with A's ids filled in, or null (and a problem) when a variable is unknown. */
  private static String fill(
      String pattern, Map<String, Supplier<String>> ids, List<String> problems, String handler) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      // A route-specific object first ("/subjects/{id}"), else the variable's ("{id}": a tip).
      Supplier<String> id = ids.get(pattern.substring(0, m.end()));
      if (id == null) {
        id = ids.get(m.group(1));
      }
      if (id == null) {
        problems.add(
            pattern
                + " ("
                + handler
                + "): no object of agency A is registered for {"
                + m.group(1)
                + "} in CrossAgencyProbeTest.objectsOfA; add one so the probe covers it");
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(id.get()));
    }
    m.appendTail(out);
    return out.toString().replace("/**", "/probe").replace("*", "probe");
  }

  /** API paths with B's bearer token, hotline paths as B's platform, pages with B's session. */
  private HttpResponse<String> call(
      HttpClient pages, String csrf, String token, String method, String path) {
    boolean withBody = !method.equals("GET") && !method.equals("HEAD");
    if (path.startsWith("/api/")) {
      return send(
          request(path)
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .method(
                  method,
                  withBody
                      ? HttpRequest.BodyPublishers.ofString("{}")
                      : HttpRequest.BodyPublishers.noBody()));
    }
    if (path.startsWith("/ispws")) {
      return send(
          basic(path, "esp-chat", "chat-secret")
              .method(method, HttpRequest.BodyPublishers.noBody()));
    }
    HttpRequest.Builder b = request(path);
    if (withBody) {
      b.header("Content-Type", "application/x-www-form-urlencoded")
          .method(
              method,
              HttpRequest.BodyPublishers.ofString(
                  "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return send(pages, b.build());
  }
}
