package org.tiptrace.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.job.JobKind;
import org.tiptrace.job.JobRecord;
import org.tiptrace.job.JobState;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipJson;

/**
 * The stored jobs over HTTP: an INTERRUPTED job (as a restart leaves it) is shown as such by the
 * existing job endpoints and pages, re-run by {@code POST …/rerun} as a new job of the same agency;
 * another agency gets 404, a job that is not INTERRUPTED 409.
 */
class JobRerunApiTest extends WebTest {

  /** Stores a job of the agency as a restart leaves it: INTERRUPTED. */
  private String interrupted(AgencyId agency, JobKind kind, Map<String, String> parameters) {
    String id = "rerun" + Long.toHexString(System.nanoTime());
    JobRecord q =
        JobRecord.queued(
            id, kind, agency, "alice", parameters, Instant.parse("2026-11-23T04:00:00Z"));
    backend.jobs().insert(q);
    backend
        .jobs()
        .update(
            new JobRecord(
                id,
                kind,
                agency,
                "alice",
                JobState.INTERRUPTED,
                JobState.INTERRUPTED.name(),
                5,
                9,
                parameters,
                Map.of(),
                Optional.empty(),
                Optional.of(JobLedger.INTERRUPTED),
                q.createdAt(),
                Optional.of(q.createdAt()),
                Optional.of(q.createdAt().plusSeconds(60))));
    return id;
  }

  private JsonNode finished(String user, String location) throws Exception {
    for (int i = 0; i < 600; i++) {
      HttpResponse<String> r = send(basic(location, user, user + "-secret").GET());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode job = TipJson.mapper().readTree(r.body());
      if (!job.get("state").asText().matches("QUEUED|RUNNING")) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + location + " did not finish");
  }

  @Test
  void anInterruptedReassessmentIsShownAndReRunByItsAgencyOnly() throws Exception {
    String id = interrupted(AGENCY_A, JobKind.IP_REASSESS, Map.of("all", "false"));

    HttpResponse<String> shown = send(alice("/api/v1/jobs/" + id).GET());
    assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
    JsonNode before = TipJson.mapper().readTree(shown.body());
    assertThat(before.get("state").asText()).isEqualTo("INTERRUPTED");
    assertThat(before.get("done").asLong()).isEqualTo(5);
    assertThat(before.get("error").asText()).contains("the server stopped");
    HttpResponse<String> page =
        send(
            formLogin("alice", "alice-secret"),
            HttpRequest.newBuilder(uri("/ip/jobs/" + id)).GET().build());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("INTERRUPTED", "Interrupted: ", "id=\"rerun\"");

    HttpResponse<String> asB =
        send(
            basic("/api/v1/jobs/" + id + "/rerun", "dave", "dave-secret")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(asB.statusCode()).as(asB.body()).isEqualTo(404);
    assertThat(asB.body()).doesNotContain("alice");

    HttpResponse<String> rerun =
        send(alice("/api/v1/jobs/" + id + "/rerun").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(202);
    String location = rerun.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/api/v1/jobs/").doesNotEndWith(id);
    JsonNode end = finished("alice", location);
    assertThat(end.get("state").asText()).as(end.toString()).isEqualTo("DONE");
    assertThat(end.get("agency").asText()).isEqualTo(AGENCY_A.code());

    JsonNode old = TipJson.mapper().readTree(send(alice("/api/v1/jobs/" + id).GET()).body());
    assertThat(old.get("state").asText()).isEqualTo("INTERRUPTED");
    assertThat(old.get("error").asText()).endsWith("re-run as job " + end.get("id").asText());

    String newId = end.get("id").asText();
    HttpResponse<String> again =
        send(alice("/api/v1/jobs/" + newId + "/rerun").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(again.statusCode()).as("a DONE job is not re-run").isEqualTo(409);
  }

  @Test
  void anInterruptedHashSetRemovalIsReRunAndItsIdIsNotAnIpJob() throws Exception {
    String user = "rerun-admin-a";
    org.tiptrace.app.testing.TestAccounts.ensure(
        backend, user, AGENCY_A, org.tiptrace.app.system.Role.ADMINISTRATOR);
    String password = org.tiptrace.app.testing.TestAccounts.password(user);
    String id = interrupted(AGENCY_A, JobKind.HASHSET_REMOVE, Map.of("name", "Never Stored"));

    HttpResponse<String> shown = send(basic("/api/v1/hashsets/jobs/" + id, user, password).GET());
    assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
    assertThat(TipJson.mapper().readTree(shown.body()).get("state").asText())
        .isEqualTo("INTERRUPTED");
    assertThat(send(alice("/api/v1/jobs/" + id).GET()).statusCode())
        .as("a hash-set job is not an IP job")
        .isEqualTo(404);

    HttpResponse<String> rerun =
        send(
            basic("/api/v1/hashsets/jobs/" + id + "/rerun", user, password)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(202);
    JsonNode end = finished(user, rerun.headers().firstValue("Location").orElseThrow());
    assertThat(end.get("state").asText()).as(end.toString()).isEqualTo("DONE");
    assertThat(end.get("outcome").asText()).contains("already removed");
    assertThat(end.get("setName").asText()).isEqualTo("Never Stored");
  }
}
