package org.tiptrace.app.hashsets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.app.testing.TestIntake;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.intake.ArchiveStatus;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipJson;

/**
 * {@code POST /api/v1/hashsets}, {@code DELETE /api/v1/hashsets/{name}} and their jobs over real
 * HTTP: the upload is archived, imported by a background job that re-matches stored tips; a
 * malformed upload fails the job with the reader's place and reason; administrators only, and a job
 * stays with its agency. Every test tip carries the MD5 of the ASCII string "example".
 */
class HashSetAdminApiTest extends WebTest {
  private static final String ADMIN_B = "hs-upload-admin-b";
  private static final String ADMIN_A = "hs-upload-admin-a";
  private static final String EXAMPLE_MD5 = "1a79a4d60de6718e8e5b326e338ae533";

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(backend, ADMIN_B, AGENCY_B, Role.ADMINISTRATOR);
    TestAccounts.ensure(backend, ADMIN_A, AGENCY_A, Role.ADMINISTRATOR);
  }

  private static String vics(String md5) {
    return "{ \"@odata.context\":"
        + " \"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media\",\n"
        + "  \"value\": [ { \"MediaID\": 1, \"Category\": 1, \"MD5\": \""
        + md5.toUpperCase(Locale.ROOT)
        + "\", \"Series\": \"Upload Series\", \"VictimIdentified\": true } ] }\n";
  }

  private static final String BOUNDARY = "tiptrace-hashset-boundary";

  private HttpResponse<String> upload(
      String user, Map<String, String> fields, String fileName, byte[] bytes) throws IOException {
    return send(
        basic("/api/v1/hashsets", user, TestAccounts.password(user))
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fields, fileName, bytes))));
  }

  private static byte[] multipart(Map<String, String> fields, String fileName, byte[] bytes)
      throws IOException {
    String boundary = BOUNDARY;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n"
                  + f.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    if (bytes.length > 0) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: application/json\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(bytes);
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private static Map<String, String> fields(String format, String name, String kind) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("format", format);
    f.put("name", name);
    f.put("version", "2026.03");
    f.put("kind", kind);
    f.put("source", "synthetic");
    return f;
  }

  /** Polls the job at {@code location} until it is DONE or FAILED (bounded, not a timing test). */
  private JsonNode finished(String user, String location) throws Exception {
    for (int i = 0; i < 600; i++) {
      HttpResponse<String> r = send(basic(location, user, TestAccounts.password(user)).GET());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode job = TipJson.mapper().readTree(r.body());
      String state = job.get("state").asText();
      if (state.equals("DONE") || state.equals("FAILED")) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + location + " did not finish");
  }

  private static String location(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/api/v1/hashsets/jobs/");
    return location;
  }

  @Test
  void aVicsUploadIsArchivedImportedAndReMatchesAStoredTipThenRemovalUndoesIt() throws Exception {
    // Agency A: other tests count agency B's tips.
    insertTip(AGENCY_A, "77310452", "hs-upload-user");
    // Its file (from the fileDetails document) carries the MD5 the uploaded set lists.
    Tip tip =
        TestIntake.ingest(
            backend,
            AGENCY_A,
            "hs-upload-file.xml",
            TestDocuments.fileDetails("77310452", "hs-upload.jpg"),
            Instant.parse("2026-02-01T10:05:00Z"));
    String name = "Upload VICS";
    byte[] doc = vics(EXAMPLE_MD5).getBytes(StandardCharsets.UTF_8);
    int audited =
        TestAccounts.entries(backend, AuditAction.HASH_SET_IMPORT_STARTED, ADMIN_A).size();

    String location =
        location(upload(ADMIN_A, fields("vics", name, "KNOWN_ABUSE"), "upload.json", doc));
    JsonNode job = finished(ADMIN_A, location);
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("DONE");
    assertThat(job.get("kind").asText()).isEqualTo("hashset-import");
    assertThat(job.get("outcome").asText()).contains("imported Upload VICS 2026.03");
    assertThat(job.get("total").asInt()).isPositive().isEqualTo(job.get("done").asInt());
    // "changed" depends on the sets other tests left behind (a shared database): not asserted.

    // Archived byte-for-byte, and accepted.
    Sha256 sha = Sha256.of(doc);
    assertThat(backend.archive().bytes(AGENCY_A, sha))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(doc));
    assertThat(backend.archive().find(AGENCY_A, sha).orElseThrow().status())
        .isEqualTo(ArchiveStatus.ACCEPTED);
    assertThat(TestAccounts.entries(backend, AuditAction.HASH_SET_IMPORT_STARTED, ADMIN_A))
        .hasSize(audited + 1);

    JsonNode list =
        TipJson.mapper()
            .readTree(
                send(basic("/api/v1/hashsets", ADMIN_A, TestAccounts.password(ADMIN_A)).GET())
                    .body());
    assertThat(list.get("scope").asText()).startsWith("national");
    assertThat(list.get("sets").findValuesAsText("name")).contains(name);

    HashSetRepository.StoredMatches stored =
        backend.hashSets().findMatches(AGENCY_A, tip.id()).orElseThrow();
    assertThat(stored.matches().files().get(0).verdict()).isEqualTo(FileVerdict.MATCHED_KNOWN);
    assertThat(stored.matches().files().get(0).matches())
        .anySatisfy(m -> assertThat(m.toString()).contains(name));

    // Removal: a job too, and the tip is no longer matched against the set.
    HttpResponse<String> removed =
        send(
            basic("/api/v1/hashsets/Upload%20VICS", ADMIN_A, TestAccounts.password(ADMIN_A))
                .DELETE());
    JsonNode removal = finished(ADMIN_A, location(removed));
    assertThat(removal.get("state").asText()).as(removal.toString()).isEqualTo("DONE");
    assertThat(backend.hashSets().find(name)).isEmpty();
    assertThat(
            backend
                .hashSets()
                .findMatches(AGENCY_A, tip.id())
                .orElseThrow()
                .matches()
                .files()
                .get(0)
                .matches())
        .noneSatisfy(m -> assertThat(m.toString()).contains(name));
  }

  @Test
  void aMalformedUploadFailsTheJobNamingFilePlaceAndReason() throws Exception {
    byte[] bad =
        "{ \"value\": [ { \"MediaID\": 1,\n  \"MD5\": \"not-hex\" } ] }\n"
            .getBytes(StandardCharsets.UTF_8);
    String location =
        location(
            upload(ADMIN_B, fields("vics", "Broken Upload", "KNOWN_ABUSE"), "broken.json", bad));
    JsonNode job = finished(ADMIN_B, location);
    assertThat(job.get("state").asText()).isEqualTo("FAILED");
    assertThat(job.get("error").asText())
        .contains("broken.json")
        .containsPattern("line \\d+|/value")
        .contains("nothing was imported");
    assertThat(backend.hashSets().find("Broken Upload")).isEmpty();
    assertThat(backend.archive().find(AGENCY_B, Sha256.of(bad)).orElseThrow().status())
        .isEqualTo(ArchiveStatus.QUARANTINED);
  }

  @Test
  void anUploadAboveTheConfiguredLimitIs413AndOneBelowIsImportedFromItsFile() throws Exception {
    // tiptrace.hashsets.max-upload-size=64KB in application-test.properties. A known-good set of
    // a digest no test tip carries, removed again: other tests' verdicts stay as they were.
    StringBuilder csv = new StringBuilder("md5\n");
    for (int i = 1; csv.length() <= 64 * 1024; i++) {
      csv.append(String.format(Locale.ROOT, "%032x", i)).append('\n');
    }
    byte[] big = csv.toString().getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r =
        upload(ADMIN_B, fields("csv", "Too Big Upload", "KNOWN_GOOD"), "big.csv", big);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    assertThat(r.body()).contains("tiptrace.hashsets.max-upload-size").contains("65536");
    assertThat(backend.archive().find(AGENCY_B, Sha256.of(big))).isEmpty();
    assertThat(backend.hashSets().find("Too Big Upload")).isEmpty();

    byte[] fits = java.util.Arrays.copyOf(big, 64 * 1024 - 100);
    int cut = new String(fits, StandardCharsets.UTF_8).lastIndexOf('\n') + 1;
    byte[] small = java.util.Arrays.copyOf(big, cut);
    HttpResponse<String> ok =
        upload(ADMIN_B, fields("csv", "Just Fits Upload", "KNOWN_GOOD"), "fits.csv", small);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
    JsonNode job = finished(ADMIN_B, location(ok));
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("DONE");
    assertThat(backend.hashSets().find("Just Fits Upload").orElseThrow().entryCount())
        .isEqualTo((small.length - 4) / 33);
    assertThat(backend.archive().bytes(AGENCY_B, Sha256.of(small)))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(small));
    JsonNode removal =
        finished(
            ADMIN_B,
            location(
                send(
                    basic(
                            "/api/v1/hashsets/Just%20Fits%20Upload",
                            ADMIN_B, TestAccounts.password(ADMIN_B))
                        .DELETE())));
    assertThat(removal.get("state").asText()).isEqualTo("DONE");
  }

  @Test
  void missingFieldsAndUnknownFormatsAre400UpFront() throws IOException {
    byte[] doc = vics(EXAMPLE_MD5).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> noFile =
        upload(ADMIN_B, fields("vics", "X", "KNOWN_ABUSE"), "x", new byte[0]);
    assertThat(noFile.statusCode()).isEqualTo(400);
    HttpResponse<String> format = upload(ADMIN_B, fields("xml", "X", "KNOWN_ABUSE"), "x.xml", doc);
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(format.body()).contains("format must be vics, hashdeep or csv");
    HttpResponse<String> kind = upload(ADMIN_B, fields("vics", "X", "MAYBE"), "x.json", doc);
    assertThat(kind.statusCode()).isEqualTo(400);
    HttpResponse<String> noName = upload(ADMIN_B, fields("vics", "", "KNOWN_ABUSE"), "x.json", doc);
    assertThat(noName.statusCode()).isEqualTo(400);
  }

  @Test
  void nonAdministratorsAreRefusedAndAJobStaysWithItsAgency() throws Exception {
    byte[] doc = "{ not json".getBytes(StandardCharsets.UTF_8);
    // bob and alice (agency A) are not administrators.
    assertThat(
            send(alice("/api/v1/hashsets").POST(HttpRequest.BodyPublishers.noBody())).statusCode())
        .isEqualTo(403);
    assertThat(send(bob("/api/v1/hashsets/Anything").DELETE()).statusCode()).isEqualTo(403);

    String location =
        location(upload(ADMIN_B, fields("vics", "Agency Scoped", "KNOWN_ABUSE"), "s.json", doc));
    finished(ADMIN_B, location);
    assertThat(send(alice(location).GET()).statusCode()).isEqualTo(403);
    assertThat(send(basic(location, ADMIN_A, TestAccounts.password(ADMIN_A)).GET()).statusCode())
        .isEqualTo(404);
    assertThat(
            send(basic("/api/v1/hashsets/jobs/nope", ADMIN_B, TestAccounts.password(ADMIN_B)).GET())
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void thePagesListTheNationalSetsUploadWithCsrfAndShowTheJobsProgress() throws Exception {
    HttpClient admin = formLogin(ADMIN_B, TestAccounts.password(ADMIN_B));
    HttpResponse<String> page = send(admin, request("/admin").GET().build());
    assertThat(page.body()).contains("href=\"/admin/hashsets\"");
    HttpResponse<String> list = send(admin, request("/admin/hashsets").GET().build());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("National: these sets are shared by every agency")
        .contains("<label for=\"file\">")
        .contains("enctype=\"multipart/form-data\"")
        .contains(
            "<strong id=\"category-map\">"
                + org.tiptrace.hash.sets.VicsCategoryMap.bundled().label()
                + "</strong>")
        .doesNotContain("id=\"apply-category-map\"");
    // The token travels in the multipart body (or a header), never in a URL.
    assertThat(list.body()).doesNotContain("?_csrf=").doesNotContain("&amp;_csrf=");
    String form =
        list.body()
            .substring(
                list.body().indexOf("<form id=\"upload\""),
                list.body().indexOf("</form>", list.body().indexOf("<form id=\"upload\"")));
    assertThat(form)
        .as("the upload form carries the token as a hidden field of its body")
        .contains("action=\"/admin/hashsets\"");
    java.util.regex.Matcher hidden =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
    assertThat(hidden.find()).as(form).isTrue();
    String csrf = hidden.group(1);
    assertThat(list.body())
        .as("the token is in no URL of the page")
        .doesNotContainPattern(
            "(action|href|src|formaction)=\"[^\"]*" + java.util.regex.Pattern.quote(csrf));
    byte[] doc = "{ broken".getBytes(StandardCharsets.UTF_8);
    HttpRequest noToken =
        request("/admin/hashsets")
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    multipart(fields("vics", "Page Upload", "OTHER"), "page.json", doc)))
            .build();
    assertThat(send(admin, noToken).statusCode()).as("no CSRF token").isEqualTo(403);
    Map<String, String> wrong = fields("vics", "Page Upload", "OTHER");
    wrong.put("_csrf", "not-the-token");
    assertThat(
            send(
                    admin,
                    request("/admin/hashsets")
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(
                            HttpRequest.BodyPublishers.ofByteArray(
                                multipart(wrong, "page.json", doc)))
                        .build())
                .statusCode())
        .as("a wrong CSRF token")
        .isEqualTo(403);
    Map<String, String> withToken = fields("vics", "Page Upload", "OTHER");
    withToken.put("_csrf", csrf);
    HttpResponse<String> started =
        send(
            admin,
            request("/admin/hashsets")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(multipart(withToken, "page.json", doc)))
                .build());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
    String location = started.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/admin/hashsets/jobs/");
    String path = location.substring(location.indexOf("/admin/hashsets/jobs/"));
    String id = path.substring(path.lastIndexOf('/') + 1);
    finished(ADMIN_B, "/api/v1/hashsets/jobs/" + id);
    HttpResponse<String> job = send(admin, request(path).GET().build());
    assertThat(job.statusCode()).isEqualTo(200);
    assertThat(job.body())
        .contains("<progress")
        .contains("FAILED")
        .contains("page.json")
        .doesNotContain("http-equiv=\"refresh\"");

    // Nothing imported under another category map: nothing to re-derive, back to the list.
    HttpResponse<String> nothingStale =
        send(
            admin,
            request("/admin/hashsets/category-map")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build());
    assertThat(nothingStale.statusCode()).isEqualTo(302);
    assertThat(nothingStale.headers().firstValue("Location").orElseThrow())
        .endsWith("/admin/hashsets");

    HttpClient alice = formLogin("alice", "alice-secret");
    assertThat(send(alice, request("/admin/hashsets").GET().build()).statusCode()).isEqualTo(403);
    assertThat(
            send(
                    alice,
                    request("/admin/hashsets/category-map")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build())
                .statusCode())
        .isEqualTo(403);
    HttpClient adminA = formLogin(ADMIN_A, TestAccounts.password(ADMIN_A));
    assertThat(send(adminA, request(path).GET().build()).statusCode()).isEqualTo(404);
  }
}
