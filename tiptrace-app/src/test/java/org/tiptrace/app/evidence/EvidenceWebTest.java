package org.tiptrace.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tiptrace.app.testing.TestIntake;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.audit.AuditLog;
import org.tiptrace.audit.AuditVerifier;
import org.tiptrace.evidence.EvidenceFiles;
import org.tiptrace.evidence.FileRef;
import org.tiptrace.hash.pdq.PdqTestData;
import org.tiptrace.intake.espxml.EspXmlWriter;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.FileMetadata;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.MetadataType;
import org.tiptrace.tip.NameValue;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.TriState;

/**
 * The gate's acceptance tests (issue 6 item 2), over real HTTP on the real store: a tip whose files
 * arrived as ESP {@code fileDetails} documents, with a benign photo's bytes attached.
 */
class EvidenceWebTest extends WebTest {
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

  @Autowired EvidenceFiles evidence;

  private static byte[] photo() {
    try {
      return Files.readAllBytes(PdqTestData.root().resolve("misc-images/small.jpg"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String hex(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ReportedFile file(
      String id, TriState viewed, TriState exifViewed, TriState isPublic) {
    byte[] p = photo();
    return new ReportedFile(
        Optional.of(id),
        Optional.of("upload_" + id + ".jpg"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        viewed,
        exifViewed,
        isPublic,
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        List.of(
            new FileHash(HashAlgorithm.MD5, "MD5", hex("MD5", p), HashOrigin.ESP_ORIGINAL),
            new FileHash(HashAlgorithm.SHA1, "SHA1", hex("SHA-1", p), HashOrigin.ESP_ORIGINAL),
            new FileHash(
                HashAlgorithm.SHA256, "SHA256", hex("SHA-256", p), HashOrigin.ESP_ORIGINAL)),
        List.of(),
        List.of(),
        List.of(
            new FileMetadata(
                Optional.of(MetadataType.EXIF), List.of(new NameValue("Make", "ExampleCam")))),
        List.of(),
        List.of());
  }

  /**
   * Tip {@code reportId} of agency A with files {@code viewed} (ESP viewed it, not its EXIF),
   * {@code unknown} (nothing known), {@code sibling} (not viewed, not public) and {@code exifonly}
   * (EXIF viewed, file not known to be), each with the photo's bytes attached.
   */
  private Tip seed(String reportId) {
    insertTip(AGENCY_A, reportId, "gate-" + reportId);
    List<ReportedFile> files =
        List.of(
            file("viewed", TriState.TRUE, TriState.FALSE, TriState.FALSE),
            file("unknown", TriState.UNKNOWN, TriState.UNKNOWN, TriState.UNKNOWN),
            file("sibling", TriState.FALSE, TriState.UNKNOWN, TriState.FALSE),
            file("exifonly", TriState.UNKNOWN, TriState.TRUE, TriState.UNKNOWN));
    Tip tip = null;
    for (ReportedFile f : files) {
      tip =
          TestIntake.ingest(
              backend,
              AGENCY_A,
              "fileDetails-" + reportId + "-" + f.fileId().orElseThrow() + ".xml",
              new String(EspXmlWriter.fileDetails(reportId, f), StandardCharsets.UTF_8),
              T);
    }
    for (ReportedFile f : files) {
      evidence.attach(tip, new FileRef(f.fileId().orElseThrow()), photo(), "small.jpg", "seed");
    }
    return tip;
  }

  private String base(Tip tip) {
    return "/api/v1/tips/" + tip.id();
  }

  private static JsonNode json(HttpResponse<String> r) {
    try {
      return TipJson.mapper().readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  private HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
    try {
      return client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> postWarrant(HttpRequest.Builder request, String body) {
    return send(
        request
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private static String warrantJson(String... files) {
    return "{\"number\":\"SW-2026-0142\",\"court\":\"Superior Court of Example County\","
        + "\"issuedOn\":\"2026-11-19\",\"fileIds\":["
        + String.join(",", java.util.Arrays.stream(files).map(f -> "\"" + f + "\"").toList())
        + "]}";
  }

  private long head() {
    return backend.auditLog().recordedHead().map(AuditLog.ChainHead::sequence).orElse(0L);
  }

  private List<AuditEntry> entriesSince(long after) {
    List<AuditEntry> all = new ArrayList<>();
    long from = after;
    while (true) {
      List<AuditEntry> page = backend.auditLog().read(from, AuditLog.MAX_PAGE);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
      from = page.get(page.size() - 1).sequence();
    }
  }

  private List<AuditEntry> entries(long after, AuditAction action, String subject) {
    return entriesSince(after).stream()
        .filter(e -> e.action() == action && e.subjectId().equals(subject))
        .toList();
  }

  @Test
  void aFileTheEspViewedIsServedAsAnUncachedAttachmentAndTheViewIsAudited() {
    Tip tip = seed("7100001");
    long before = head();

    HttpResponse<String> files = send(alice(base(tip) + "/files").GET());
    assertThat(files.statusCode()).isEqualTo(200);
    JsonNode viewed = json(files).get("files").get(0);
    assertThat(viewed.get("fileId").asText()).isEqualTo("viewed");
    assertThat(viewed.get("contentHeld").asBoolean()).isTrue();
    assertThat(viewed.get("content").get("verdict").asText()).isEqualTo("ALLOWED");
    assertThat(viewed.get("content").get("basis").asText()).isEqualTo("ESP_VIEWED");
    assertThat(viewed.get("content").get("ruleId").asText()).isEqualTo("GATE_ESP_VIEWED");
    assertThat(viewed.get("content").get("citations").get(0).get("key").asText()).isEqualTo("S15");
    assertThat(viewed.get("content").get("explanation").asText())
        .contains("Applies the configured rule set viewing-gate v1");
    assertThat(json(files).get("ruleSet").get("notice").asText())
        .contains("does not give legal advice");

    HttpResponse<byte[]> content = bytes(alice(base(tip) + "/files/viewed/content").GET());

    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.body()).isEqualTo(photo());
    assertThat(content.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(content.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(content.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment")
        .contains("tip-" + tip.id() + "-file-viewed.jpg");
    List<AuditEntry> views = entries(before, AuditAction.FILE_CONTENT_VIEWED, tip.id() + "/viewed");
    assertThat(views).hasSize(1);
    assertThat(views.get(0).actor()).isEqualTo("alice");
    assertThat(views.get(0).detail()).contains("basis=ESP_VIEWED", "rule=GATE_ESP_VIEWED", "api");
    assertThat(entries(before, AuditAction.FILE_GATE_DECIDED, tip.id() + "/viewed"))
        .as("listing the files records each file's decisions")
        .hasSize(1);
  }

  @Test
  void anUnknownFileIsBlockedUntilAWarrantListsItAndItsSiblingStaysBlocked() {
    Tip tip = seed("7100002");

    HttpResponse<String> blocked = send(alice(base(tip) + "/files/unknown/content").GET());
    assertThat(blocked.statusCode()).isEqualTo(403);
    assertThat(blocked.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    JsonNode decision = json(blocked).get("decision");
    assertThat(decision.get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(decision.get("basis").asText()).isEqualTo("NONE");
    assertThat(decision.get("ruleId").asText()).isEqualTo("GATE_BLOCK");
    assertThat(decision.get("reason").asText()).contains("fileViewedByEsp = unknown (not true)");
    assertThat(blocked.body()).doesNotContain(HexFormat.of().formatHex(photo(), 0, 8));

    long before = head();
    HttpResponse<String> recorded =
        postWarrant(alice(base(tip) + "/warrants"), warrantJson("unknown"));
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    long warrantId = json(recorded).get("id").asLong();
    assertThat(json(recorded).get("recordedBy").asText()).isEqualTo("alice");
    assertThat(entries(before, AuditAction.WARRANT_RECORDED, tip.id() + "/" + warrantId))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("SW-2026-0142", "[unknown]"));

    HttpResponse<byte[]> allowed = bytes(alice(base(tip) + "/files/unknown/content").GET());
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.body()).isEqualTo(photo());
    assertThat(entries(before, AuditAction.FILE_CONTENT_VIEWED, tip.id() + "/unknown"))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("basis=WARRANT warrant=" + warrantId));

    HttpResponse<String> sibling = send(alice(base(tip) + "/files/sibling/content").GET());
    assertThat(sibling.statusCode()).isEqualTo(403);
    assertThat(json(sibling).get("decision").get("ruleId").asText()).isEqualTo("GATE_BLOCK");
    JsonNode listed = json(send(alice(base(tip) + "/files").GET()));
    assertThat(listed.get("files").get(1).get("content").get("warrant").asLong())
        .isEqualTo(warrantId);
    assertThat(listed.get("files").get(2).get("content").get("verdict").asText())
        .isEqualTo("BLOCKED");
    assertThat(listed.get("warrants").get(0).get("fileIds").toString()).isEqualTo("[\"unknown\"]");
  }

  @Test
  void everyViewAndEveryRefusalLeavesItsOwnAuditEntry() {
    Tip tip = seed("7100003");
    long before = head();

    for (int i = 0; i < 3; i++) {
      assertThat(bytes(alice(base(tip) + "/files/viewed/content").GET()).statusCode())
          .isEqualTo(200);
      assertThat(send(alice(base(tip) + "/files/sibling/content").GET()).statusCode())
          .isEqualTo(403);
    }

    assertThat(entries(before, AuditAction.FILE_CONTENT_VIEWED, tip.id() + "/viewed")).hasSize(3);
    assertThat(entries(before, AuditAction.FILE_GATE_DECIDED, tip.id() + "/sibling"))
        .hasSize(3)
        .allSatisfy(e -> assertThat(e.detail()).contains("refused", "BLOCKED basis=NONE"));
    assertThat(new AuditVerifier(backend.auditLog()).verify().intact()).isTrue();
  }

  @Test
  void exifIsGatedApartFromTheFile() {
    Tip tip = seed("7100004");
    long before = head();

    HttpResponse<String> viewedExif = send(alice(base(tip) + "/files/viewed/exif").GET());
    assertThat(viewedExif.statusCode()).as("the file was viewed, its EXIF not").isEqualTo(403);
    assertThat(viewedExif.body()).doesNotContain("ExampleCam");
    assertThat(json(viewedExif).get("decision").get("ruleId").asText())
        .isEqualTo("GATE_EXIF_BLOCK");

    HttpResponse<String> exifOnly = send(alice(base(tip) + "/files/exifonly/exif").GET());
    assertThat(exifOnly.statusCode()).isEqualTo(200);
    assertThat(exifOnly.body()).contains("ExampleCam");
    assertThat(json(exifOnly).get("decision").get("basis").asText()).isEqualTo("ESP_VIEWED");
    assertThat(send(alice(base(tip) + "/files/exifonly/content").GET()).statusCode())
        .as("its EXIF was viewed, the file not")
        .isEqualTo(403);
    assertThat(entries(before, AuditAction.FILE_EXIF_VIEWED, tip.id() + "/exifonly")).hasSize(1);
  }

  @Test
  void theTipsJsonWithholdsExifSoTheGateIsTheOnlyWayToIt() {
    Tip tip = seed("7100009");

    HttpResponse<String> document = send(alice("/api/v1/tips/" + tip.id()).GET());

    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(tip.report().files().get(0).details()).isNotEmpty();
    assertThat(document.body()).doesNotContain("ExampleCam");
    assertThat(json(document).get("tip").get("report").get("files").get(0).get("details").size())
        .isZero();
    assertThat(send(alice(base(tip) + "/files/exifonly/exif").GET()).body()).contains("ExampleCam");
  }

  @Test
  void anotherAgencyGets404OnAllOfItAndChangesNothing() {
    Tip tip = seed("7100005");
    long before = head();

    assertThat(send(dave(base(tip) + "/files").GET()).statusCode()).isEqualTo(404);
    assertThat(send(dave(base(tip) + "/files/viewed/content").GET()).statusCode()).isEqualTo(404);
    assertThat(send(dave(base(tip) + "/files/viewed/exif").GET()).statusCode()).isEqualTo(404);
    assertThat(send(dave(base(tip) + "/files/exifonly/exif").GET()).statusCode()).isEqualTo(404);
    HttpResponse<String> warrant =
        postWarrant(dave(base(tip) + "/warrants"), warrantJson("unknown"));
    assertThat(warrant.statusCode()).isEqualTo(404);
    assertThat(warrant.body()).doesNotContain("unknown\"").doesNotContain("viewed");

    HttpClient page = formLogin("dave", "dave-secret");
    assertThat(send(page, request("/tips/" + tip.id() + "/files").GET().build()).statusCode())
        .isEqualTo(404);
    assertThat(
            send(page, request("/tips/" + tip.id() + "/files/viewed/content").GET().build())
                .statusCode())
        .isEqualTo(404);

    assertThat(evidence.warrants(tip)).isEmpty();
    assertThat(entriesSince(before))
        .filteredOn(e -> e.actor().equals("dave") && e.action() == AuditAction.FILE_GATE_DECIDED)
        .hasSize(7)
        .allSatisfy(e -> assertThat(e.detail()).contains("no such tip (404)"));
    assertThat(entriesSince(before))
        .filteredOn(e -> e.actor().equals("dave"))
        .noneMatch(
            e ->
                e.action() == AuditAction.FILE_CONTENT_VIEWED
                    || e.action() == AuditAction.FILE_EXIF_VIEWED
                    || e.action() == AuditAction.WARRANT_RECORDED);
  }

  @Test
  void aWarrantWithoutItsFactsOrForAFileTheTipLacksIsRefusedNamingTheField() {
    Tip tip = seed("7100006");

    HttpResponse<String> noCourt =
        postWarrant(
            alice(base(tip) + "/warrants"),
            "{\"number\":\"SW-1\",\"issuedOn\":\"2026-11-19\",\"fileIds\":[\"unknown\"]}");
    assertThat(noCourt.statusCode()).isEqualTo(400);
    assertThat(json(noCourt).get("error").asText()).startsWith("court:");
    HttpResponse<String> badDate =
        postWarrant(
            alice(base(tip) + "/warrants"),
            warrantJson("unknown").replace("2026-11-19", "19/11/2026"));
    assertThat(json(badDate).get("error").asText())
        .contains("issuedOn: '19/11/2026' is not a date");
    String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
    HttpResponse<String> future =
        postWarrant(
            alice(base(tip) + "/warrants"), warrantJson("unknown").replace("2026-11-19", tomorrow));
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(json(future).get("error").asText())
        .startsWith("issuedOn: " + tomorrow + " is in the future (today is ");
    HttpResponse<String> noSuchFile =
        postWarrant(alice(base(tip) + "/warrants"), warrantJson("unknown", "f99"));
    assertThat(noSuchFile.statusCode()).isEqualTo(400);
    assertThat(json(noSuchFile).get("error").asText()).contains("has no file f99");
    assertThat(send(alice(base(tip) + "/files/nope/content").GET()).statusCode()).isEqualTo(404);

    assertThat(evidence.warrants(tip)).isEmpty();
    assertThat(send(alice(base(tip) + "/files/unknown/content").GET()).statusCode()).isEqualTo(403);
  }

  @Test
  void theRoleDoesNotOpenTheGateAndIntakeUsersCannotReachIt() {
    Tip tip = seed("7100007");

    assertThat(send(basic(base(tip) + "/files", "carol", "carol-secret").GET()).statusCode())
        .isEqualTo(403);
    assertThat(
            send(basic(base(tip) + "/files/viewed/content", "carol", "carol-secret").GET())
                .statusCode())
        .isEqualTo(403);
    assertThat(send(request(base(tip) + "/files/viewed/content").GET()).statusCode())
        .isEqualTo(401);
  }

  @Test
  void thePanelShowsViewableImagesBlurredAndRecordsWarrantsAndReveals() {
    Tip tip = seed("7100008");
    HttpClient page = formLogin("alice", "alice-secret");
    String panelPath = "/tips/" + tip.id() + "/files";

    HttpResponse<String> panel =
        send(page, request(panelPath).header("HX-Request", "true").GET().build());

    assertThat(panel.statusCode()).isEqualTo(200);
    String html = panel.body();
    assertThat(html).doesNotContain("<html").contains("class=\"evidence-panel\"");
    assertThat(html)
        .contains("src=\"/tips/" + tip.id() + "/files/viewed/content\"")
        .doesNotContain("/files/unknown/content")
        .doesNotContain("/files/sibling/content");
    assertThat(html).contains("class=\"evidence-image veiled\"");
    assertThat(html).contains("alt=\"File viewed, shown blurred and greyscale until revealed\"");
    assertThat(html).contains("aria-pressed=\"false\"");
    assertThat(html).contains("<script src=\"/js/evidence.js\" defer></script>");
    assertThat(html.replace("<script src=\"/js/evidence.js\" defer></script>", ""))
        .as("no inline script: the CSP forbids it")
        .doesNotContain("<script");
    assertThat(html).contains("does not give legal advice").contains("name=\"_csrf\"");
    assertThat(panel.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'");
    assertThat(send(client(), request("/js/evidence.js").GET().build()).body())
        .contains("classList.toggle('veiled'");

    // Reveal: needs the CSRF token; recorded with its basis; a blocked file cannot be revealed.
    String token = csrfToken(page, panelPath);
    long before = head();
    HttpResponse<String> noToken =
        send(
            page,
            request(panelPath + "/viewed/reveal")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(noToken.statusCode()).isEqualTo(403);
    HttpResponse<String> reveal =
        send(
            page,
            request(panelPath + "/viewed/reveal")
                .header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(reveal.statusCode()).isEqualTo(204);
    assertThat(entries(before, AuditAction.FILE_REVEALED, tip.id() + "/viewed"))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("basis=ESP_VIEWED"));
    assertThat(
            send(
                    page,
                    request(panelPath + "/sibling/reveal")
                        .header("X-CSRF-TOKEN", token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build())
                .statusCode())
        .isEqualTo(403);

    // The warrant form: refused without CSRF, recorded with it, and the file then shows.
    String form =
        "number=SW-PAGE-1&court="
            + URLEncoder.encode("Superior Court of Example County", StandardCharsets.UTF_8)
            + "&issuedOn=2026-11-19&fileIds=sibling";
    HttpRequest.Builder post =
        request("/tips/" + tip.id() + "/warrants")
            .header("Content-Type", "application/x-www-form-urlencoded");
    assertThat(
            send(page, post.copy().POST(HttpRequest.BodyPublishers.ofString(form)).build())
                .statusCode())
        .isEqualTo(403);
    assertThat(evidence.warrants(tip)).isEmpty();
    HttpResponse<String> recorded =
        send(
            page,
            post.copy()
                .header("HX-Request", "true")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build());
    assertThat(recorded.statusCode()).isEqualTo(200);
    assertThat(recorded.body())
        .contains("Warrant recorded.")
        .contains("src=\"/tips/" + tip.id() + "/files/sibling/content\"");
    assertThat(evidence.warrants(tip))
        .singleElement()
        .satisfies(w -> assertThat(w.number()).isEqualTo("SW-PAGE-1"));
    HttpResponse<byte[]> image =
        bytes(request(panelPath + "/sibling/content").header("Cookie", cookie(page)).GET());
    assertThat(image.statusCode()).isEqualTo(200);

    // The date field: a real date input, at most today; a future date is refused naming the field,
    // the field is marked invalid and what was typed stays in the form.
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    assertThat(recorded.body())
        .contains("type=\"date\"")
        .contains("max=\"" + today + "\"")
        .contains("aria-describedby=\"warrant-issued-on-hint\"");
    String future = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString();
    HttpResponse<String> refused =
        send(
            page,
            post.copy()
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form.replace("SW-PAGE-1", "SW-PAGE-2").replace("2026-11-19", future)
                            + "&_csrf="
                            + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("issuedOn: " + future + " is in the future (today is " + today + " UTC)")
        .contains("aria-invalid=\"true\"")
        .contains("value=\"" + future + "\"")
        .contains("value=\"SW-PAGE-2\"");
    assertThat(evidence.warrants(tip)).hasSize(1);
  }

  /**
   * The gate places a tip by its stored routing decision: routed to Texas → the Fifth Circuit's
   * entry, which ships strict, so a known-abuse hash match still opens nothing; routing REVIEW →
   * circuit unknown → the strict default. Each decision records the entry, circuit and rule set.
   */
  @Test
  void theTipsCircuitComesFromItsStoredRoutingAndEveryEntryShipsStrict() {
    Tip tip = seed("7100011");
    routing(tip, org.tiptrace.ip.RoutingDecision.Outcome.ROUTED, "US", "TX");
    backend
        .hashSets()
        .replaceMatches(
            AGENCY_A,
            tip.id(),
            new org.tiptrace.hash.sets.TipHashMatches(
                List.of(
                    new org.tiptrace.hash.sets.FileMatches(
                        1,
                        org.tiptrace.hash.sets.FileVerdict.MATCHED_KNOWN,
                        List.of(
                            new org.tiptrace.hash.sets.HashMatch(
                                "NCMEC-test",
                                "1",
                                org.tiptrace.hash.sets.HashSetKind.KNOWN_ABUSE,
                                Optional.empty(),
                                Optional.empty(),
                                TriState.UNKNOWN,
                                org.tiptrace.hash.sets.MatchMethod.EXACT_MD5,
                                "md5:" + hex("MD5", photo()),
                                java.util.OptionalInt.empty())))),
                "NCMEC-test 1"),
            T);
    long before = head();

    JsonNode files = json(send(alice(base(tip) + "/files").GET()));

    assertThat(files.get("jurisdiction").get("entry").asText()).isEqualTo("US-CA5");
    assertThat(files.get("jurisdiction").get("mode").asText()).isEqualTo("strict");
    assertThat(files.get("jurisdiction").get("circuit").asText()).isEqualTo("US-CA5");
    assertThat(files.get("jurisdiction").get("location").asText())
        .contains("US/TX", "Fifth Circuit", "routing ROUTED");
    assertThat(files.get("jurisdiction").get("citations").get(0).get("key").asText())
        .isEqualTo("S17");
    JsonNode unknown = files.get("files").get(1);
    assertThat(unknown.get("fileId").asText()).isEqualTo("unknown");
    assertThat(unknown.get("content").get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(unknown.get("content").get("jurisdiction").asText()).isEqualTo("US-CA5");
    assertThat(unknown.get("content").get("ruleSetVersion").asInt()).isEqualTo(1);
    assertThat(send(alice(base(tip) + "/files/unknown/content").GET()).statusCode()).isEqualTo(403);
    assertThat(entries(before, AuditAction.FILE_GATE_DECIDED, tip.id() + "/unknown"))
        .isNotEmpty()
        .allSatisfy(
            e ->
                assertThat(e.detail())
                    .contains("rule=GATE_BLOCK", "jurisdiction=US-CA5", "mode=strict")
                    .contains("circuit=US-CA5", "ruleSet=viewing-gate v1"));

    HttpClient page = formLogin("alice", "alice-secret");
    String html =
        send(
                page,
                request("/tips/" + tip.id() + "/files").header("HX-Request", "true").GET().build())
            .body();
    assertThat(html)
        .contains("US-CA5 (Fifth Circuit), strict")
        .contains("[S17] United States v. Reddick")
        .contains("Entry US-CA5 (strict), rule set v1.");

    routing(tip, org.tiptrace.ip.RoutingDecision.Outcome.REVIEW, "US", "TX");
    JsonNode review = json(send(alice(base(tip) + "/files").GET()));
    assertThat(review.get("jurisdiction").get("entry").asText()).isEqualTo("US-default");
    assertThat(
            review.get("jurisdiction").has("circuit")
                && !review.get("jurisdiction").get("circuit").isNull())
        .isFalse();
    assertThat(review.get("jurisdiction").get("location").asText())
        .startsWith("unknown (routing REVIEW");
  }

  private void routing(
      Tip tip, org.tiptrace.ip.RoutingDecision.Outcome outcome, String country, String region) {
    backend
        .ipAssessments()
        .replace(
            AGENCY_A,
            tip.id(),
            "test",
            T,
            List.of(),
            Optional.of(
                new org.tiptrace.ip.RoutingDecision(
                    outcome,
                    outcome == org.tiptrace.ip.RoutingDecision.Outcome.ROUTED
                        ? Optional.of("DEMO-ICAC-TX")
                        : Optional.empty(),
                    false,
                    Optional.of(country),
                    Optional.of(region),
                    List.of("test routing"),
                    List.of())));
  }

  private String cookie(HttpClient client) {
    return client
        .cookieHandler()
        .map(
            h -> {
              try {
                return String.join(
                    "; ", h.get(uri("/"), java.util.Map.of()).getOrDefault("Cookie", List.of()));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .orElseThrow();
  }

  /** A supervisor of agency B: every role that could touch the gate, but another agency. */
  private HttpRequest.Builder dave(String path) {
    return basic(path, "dave", "dave-secret");
  }
}
