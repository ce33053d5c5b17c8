package org.tiptrace.app.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.link.TestTips.file;
import static org.tiptrace.link.TestTips.report;
import static org.tiptrace.link.TestTips.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.link.SubjectId;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.TriState;

/** The queue and subject API over real HTTP, on the persisted link and triage state. */
class QueueAndSubjectApiTest extends WebTest {
  private static final AtomicInteger DOCS = new AtomicInteger();

  /**
   * The other agency's tips go to an agency no web test user belongs to: the tests share one
   * database, and others expect bob's agency (ICAC-B) to hold no tips.
   */
  private static final AgencyId OTHER = new AgencyId("ICAC-LINK-OTHER");

  @Autowired LinkTriageService service;

  /** Stores a tip and runs the link-and-triage step on it, as ingest does. */
  private Tip linked(AgencyId agency, Report report) {
    Tip tip =
        backend
            .tips()
            .insertIfAbsent(
                agency,
                Sha256.of(("queue-api-" + DOCS.incrementAndGet()).getBytes(StandardCharsets.UTF_8)),
                Instant.parse("2026-02-02T10:00:00Z").plusSeconds(DOCS.get()),
                report)
            .tip();
    new LinkTriageStep(service).changed(agency, tip.id());
    return tip;
  }

  private static HttpRequest.BodyPublisher json(String body) {
    return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
  }

  @Test
  void intakeThroughTheApiLinksAndScoresTheTipAndTheQueueShowsItPaged() throws IOException {
    HttpResponse<String> posted =
        send(
            alice("/api/v1/intake")
                .header("Content-Type", "application/json")
                .POST(json(TestDocuments.leJson("QUEUE-7001", "queue-api-user"))));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    Tip tip = backend.tips().findByCybertipReportId(AGENCY_A, "QUEUE-7001").orElseThrow();

    HttpResponse<String> r = send(alice("/api/v1/queue?offset=0&limit=500").GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode page = TipJson.mapper().readTree(r.body());
    assertThat(page.get("offset").asInt()).isZero();
    assertThat(page.get("limit").asInt()).isEqualTo(500);
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
    JsonNode item = null;
    for (JsonNode i : page.get("items")) {
      if (i.get("tip").asLong() == tip.id().value()) {
        item = i;
      }
    }
    assertThat(item).as("the ingested tip is in the queue").isNotNull();
    int sum = 0;
    for (JsonNode l : item.get("lines")) {
      sum += l.get("points").asInt();
    }
    assertThat(sum).isEqualTo(item.get("score").asInt());

    HttpResponse<String> bobs = send(bob("/api/v1/queue").GET());
    assertThat(TipJson.mapper().readTree(bobs.body()).get("items").findValues("tip"))
        .noneSatisfy(t -> assertThat(t.asLong()).isEqualTo(tip.id().value()));
    assertThat(send(alice("/api/v1/queue?tier=TIER_9").GET()).statusCode()).isEqualTo(400);
    assertThat(send(alice("/api/v1/queue?limit=0").GET()).statusCode()).isEqualTo(400);
    assertThat(
            TipJson.mapper()
                .readTree(
                    send(alice("/api/v1/queue?tier=INFORMATIONAL&flag=deadline").GET()).body())
                .get("items")
                .findValues("tip"))
        .noneSatisfy(t -> assertThat(t.asLong()).isEqualTo(tip.id().value()));
  }

  @Test
  void aSubjectIsScopedToTheAgencyAndAnotherAgencysHoldIsOnlyANotice() throws IOException {
    Tip a =
        linked(
            AGENCY_A,
            report()
                .reported(user("Demo Social", "api-owl").phone("202-555-0161", TriState.TRUE))
                .file(file("a1a1"))
                .build());
    Tip b =
        linked(
            OTHER,
            report()
                .reported(user("Example Photos", "api-owl-b").phone("2025550161", TriState.TRUE))
                .file(file("b2b2"))
                .build());
    SubjectId id = backend.linkStore().subjectsOfTip(a.id()).get(0);
    Tip onlyB =
        linked(
            OTHER,
            report()
                .reported(user("Example Chat", "b-only").phone("202-555-0162", TriState.TRUE))
                .build());
    SubjectId bOnly = backend.linkStore().subjectsOfTip(onlyB.id()).get(0);

    // bob (ICAC-B, analyst only) may not record holds: 403.
    HttpResponse<String> forbidden =
        send(
            bob("/api/v1/holds")
                .header("Content-Type", "application/json")
                .POST(
                    json(
                        "{\"tip\": " + b.id() + ", \"caseNumber\": \"B-1\", \"contact\": \"x\"}")));
    assertThat(forbidden.statusCode()).isEqualTo(403);
    // A hold recorded for B directly (its investigator), then alice sees only the notice.
    service.holdTip(OTHER, b.id(), "B-2026-0099", "desk@icac-b.example.org");

    HttpResponse<String> r = send(alice("/api/v1/subjects/" + id.urlId()).GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode s = TipJson.mapper().readTree(r.body());
    assertThat(s.get("tips").findValuesAsText("")).isEmpty();
    assertThat(s.get("tips")).hasSize(1);
    assertThat(s.get("tips").get(0).asLong()).isEqualTo(a.id().value());
    assertThat(s.get("otherAgencyTips").asInt()).isEqualTo(1);
    assertThat(s.get("deconfliction").get(0).asText())
        .isEqualTo(
            "deconfliction: contact agency ICAC-LINK-OTHER, case B-2026-0099 (desk@icac-b.example.org)");
    assertThat(s.get("identifiers").findValuesAsText("value")).contains("+12025550161");
    assertThat(r.body()).doesNotContain("api-owl-b").doesNotContain("Example Photos");
    assertThat(r.body()).doesNotContain("\"" + b.id() + "\"");

    // Another agency's subject is 404, like a missing one; both views are audited.
    assertThat(send(alice("/api/v1/subjects/" + bOnly.urlId()).GET()).statusCode()).isEqualTo(404);
    assertThat(send(alice("/api/v1/subjects/S-t999999.R0").GET()).statusCode()).isEqualTo(404);
    List<AuditEntry> entries = backend.auditLog().read(0, 10_000);
    assertThat(entries)
        .filteredOn(e -> e.action() == AuditAction.SUBJECT_VIEWED)
        .extracting(AuditEntry::subjectId)
        .contains(id.urlId(), bOnly.urlId());
  }

  @Test
  void splitAndMergeNeedAReasonAreRoleCheckedAndAudited() throws IOException {
    Tip one =
        linked(
            AGENCY_A,
            report()
                .reported(user("Demo Social", "split-me").phone("202-555-0171", TriState.TRUE))
                .build());
    Tip two =
        linked(
            AGENCY_A,
            report()
                .reported(user("Example Chat", "split-me-2").phone("202-555-0171", TriState.TRUE))
                .build());
    SubjectId id = backend.linkStore().subjectsOfTip(one.id()).get(0);
    assertThat(backend.linkStore().subjectsOfTip(two.id())).containsExactly(id);
    String split = "/api/v1/subjects/" + id.urlId() + "/split";

    HttpResponse<String> noReason =
        send(
            alice(split)
                .header("Content-Type", "application/json")
                .POST(json("{\"persons\": [\"t" + two.id() + "/R0\"]}")));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason is required");
    HttpResponse<String> bobSplit =
        send(
            bob(split)
                .header("Content-Type", "application/json")
                .POST(json("{\"persons\": [\"t" + two.id() + "/R0\"], \"reason\": \"x\"}")));
    assertThat(bobSplit.statusCode()).isEqualTo(403);

    HttpResponse<String> ok =
        send(
            alice(split)
                .header("Content-Type", "application/json")
                .POST(
                    json(
                        "{\"persons\": [\"t"
                            + two.id()
                            + "/R0\"], \"reason\": \"family phone, two people\"}")));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(TipJson.mapper().readTree(ok.body()).get("user").asText()).isEqualTo("alice");
    SubjectId moved = backend.linkStore().subjectsOfTip(two.id()).get(0);
    assertThat(moved).isNotEqualTo(id);

    // Merging them again contradicts the split: refused with the reason, 409.
    HttpResponse<String> merge =
        send(
            alice("/api/v1/subjects/" + id.urlId() + "/merge")
                .header("Content-Type", "application/json")
                .POST(json("{\"other\": \"" + moved.urlId() + "\", \"reason\": \"undo\"}")));
    assertThat(merge.statusCode()).as(merge.body()).isEqualTo(409);
    assertThat(merge.body()).contains("kept apart by manual split by alice");
    assertThat(backend.auditLog().read(0, 10_000))
        .filteredOn(e -> e.action() == AuditAction.SUBJECT_SPLIT)
        .anySatisfy(e -> assertThat(e.detail()).contains("family phone, two people"));
  }
}
