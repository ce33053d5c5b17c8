package org.tiptrace.app.ip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditLog;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.ip.IpDataKind;
import org.tiptrace.ip.IpDataSets;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipJson;

/**
 * The installed IP data in the web app, over real HTTP on the real store: the hotline finish
 * assesses the tip it files, the background re-assessment job and its progress, the routing review
 * list. Synthetic mode (documentation ranges accepted) gives this class a context and database of
 * its own.
 */
@TestPropertySource(properties = "tiptrace.ip.synthetic=true")
class IpWebTest extends WebTest {
  private static final Pattern REPORT_ID = Pattern.compile("<reportId>(\\d+)</reportId>");
  private final HttpClient http = client();

  private void install(String name, String csv) throws IpDataSets.InvalidDataFile {
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    backend
        .ipData()
        .install(
            IpDataSets.validate(
                IpDataKind.CSV,
                name,
                name + ".csv",
                bytes,
                Instant.parse("2026-11-01T00:00:00Z"),
                Optional.empty(),
                Instant.parse("2026-11-22T00:00:00Z")),
            bytes);
  }

  private HttpResponse<String> platform(String path, String contentType, String body) {
    return send(
        http,
        basic(path, "esp-photos", "photos-secret")
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  @Test
  void theHotlineFinishAssessesTheTipWithTheInstalledData() throws Exception {
    install("asn-web", "198.51.100.0,198.51.100.255,64497,Example Mobile Wireless\n");
    String xml;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("espxml/reference-report.xml")) {
      assertThat(in).isNotNull();
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    HttpResponse<String> submitted = platform("/ispws/submit", "text/xml; charset=utf-8", xml);
    Matcher m = REPORT_ID.matcher(submitted.body());
    assertThat(m.find()).as(submitted.body()).isTrue();
    String reportId = m.group(1);
    HttpResponse<String> done =
        platform("/ispws/finish", "application/x-www-form-urlencoded", "id=" + reportId);
    assertThat(done.body()).contains("<responseCode>0</responseCode>");

    Tip tip = backend.tips().findByCybertipReportId(AGENCY_A, reportId).orElseThrow();
    AssessmentRepository.Stored stored =
        backend.ipAssessments().find(AGENCY_A, tip.id()).orElseThrow();
    assertThat(stored.dataSets())
        .startsWith("mode SYNTHETIC_DATA; data sets installed asn-web (csv csv:ASN, built");
    assertThat(stored.json()).contains("\"source\":\"asn-web\"").contains("64497");
    assertThat(stored.routing()).isPresent();

    HttpResponse<String> shown =
        send(http, alice("/api/v1/tips/" + tip.id().value()).GET().build());
    assertThat(shown.statusCode()).isEqualTo(200);
    JsonNode doc = TipJson.mapper().readTree(shown.body());
    assertThat(doc.at("/ipAttribution/dataSets").asText()).contains("installed asn-web");
    assertThat(doc.at("/routing/outcome").asText()).isNotEmpty();
    assertThat(doc.get("ipAssessments").size()).isGreaterThanOrEqualTo(3);
  }

  private JsonNode awaitDone(String location) throws Exception {
    for (int i = 0; i < 300; i++) {
      HttpResponse<String> r = send(http, alice(location).GET().build());
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

  @Test
  void reassessRunsAsAJobOfTheAgencyAndFillsTheRoutingReview() throws Exception {
    Tip tip = insertTip(AGENCY_A, "7200001", "job-a");
    Tip other = insertTip(AGENCY_B, "7200002", "job-b");
    assertThat(backend.ipAssessments().find(AGENCY_A, tip.id())).isEmpty();

    HttpResponse<String> started =
        send(http, alice("/api/v1/ip/reassess?all=true").POST(noBody()).build());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    JsonNode queued = TipJson.mapper().readTree(started.body());
    assertThat(location).isEqualTo("/api/v1/jobs/" + queued.get("id").asText());
    assertThat(queued.get("agency").asText()).isEqualTo(AGENCY_A.code());

    JsonNode job = awaitDone(location);
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("DONE");
    assertThat(job.get("total").asInt()).isEqualTo(job.get("done").asInt()).isPositive();
    assertThat(job.get("changed").asInt()).isPositive();
    assertThat(backend.ipAssessments().find(AGENCY_A, tip.id())).isPresent();
    assertThat(backend.ipAssessments().find(AGENCY_B, other.id()))
        .as("another agency's tips are not touched")
        .isEmpty();

    // Another agency's user, a user without the role, and no user at all.
    assertThat(send(http, basic(location, "dave", "dave-secret").GET().build()).statusCode())
        .isEqualTo(404);
    assertThat(
            send(http, basic("/api/v1/ip/reassess", "carol", "carol-secret").POST(noBody()).build())
                .statusCode())
        .isEqualTo(403);
    assertThat(send(http, request(location).GET().build()).statusCode()).isEqualTo(401);
    assertThat(send(http, alice("/api/v1/jobs/nope").GET().build()).statusCode()).isEqualTo(404);

    // 198.51.100.23 has no location in the installed data: the tip waits for a person.
    HttpResponse<String> review = send(http, alice("/api/v1/routing/review").GET().build());
    assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
    JsonNode items = TipJson.mapper().readTree(review.body()).get("items");
    boolean listed = false;
    for (JsonNode item : items) {
      listed |= item.get("tipId").asLong() == tip.id().value();
      assertThat(item.at("/routing/outcome").asText()).isEqualTo("REVIEW");
    }
    assertThat(listed).as(review.body()).isTrue();
    HttpResponse<String> bobs = send(http, bob("/api/v1/routing/review").GET().build());
    assertThat(bobs.body()).doesNotContain("\"tipId\" : " + tip.id().value() + ",");
    assertThat(send(http, alice("/api/v1/routing/review?limit=0").GET().build()).statusCode())
        .isEqualTo(400);
    assertThat(backend.auditLog().read(0, AuditLog.MAX_PAGE))
        .anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.ROUTING_REVIEW_LISTED))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo(AuditAction.IP_REASSESS_STARTED);
              assertThat(e.subjectId()).isEqualTo(queued.get("id").asText());
            });
  }

  @Test
  void thePagesStartAJobAndShowItsProgressToItsAgencyOnly() throws Exception {
    insertTip(AGENCY_A, "7200011", "page-a");
    HttpClient alice = formLogin("alice", "alice-secret");
    String token = csrfToken(alice, "/ip/reassess");
    HttpResponse<String> noToken =
        send(
            alice,
            request("/ip/reassess")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("all=true"))
                .build());
    assertThat(noToken.statusCode()).isEqualTo(403);

    HttpResponse<String> started =
        send(
            alice,
            request("/ip/reassess")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("all=true&_csrf=" + token))
                .build());
    assertThat(started.statusCode()).isEqualTo(302);
    String location = started.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/ip/jobs/");
    String path = location.substring(location.indexOf("/ip/jobs/"));

    String page = "";
    for (int i = 0; i < 300 && !page.contains(">DONE<"); i++) {
      HttpResponse<String> r = send(alice, request(path).GET().build());
      assertThat(r.statusCode()).isEqualTo(200);
      page = r.body();
      if (!page.contains(">DONE<")) {
        assertThat(page).contains("http-equiv=\"refresh\"");
        Thread.sleep(100);
      }
    }
    assertThat(page).contains(">DONE<").contains("Re-assessed ").doesNotContain("http-equiv");

    HttpClient dave = formLogin("dave", "dave-secret");
    assertThat(send(dave, request(path).GET().build()).statusCode()).isEqualTo(404);
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }
}
