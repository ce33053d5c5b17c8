package org.tiptrace.app.tips;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;

/** {@code POST /api/v1/intake} assesses the new tip's IP events; the tip's GET returns them. */
class TipApiIpAssessmentTest extends WebTest {

  @Test
  void intakeAssessesAndShowReturnsTheAssessmentsToTheAgencyOnly() throws IOException {
    HttpResponse<String> posted =
        send(
            alice("/api/v1/intake")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        TestDocuments.leJson("7300451", "assessed"))));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    long id = TipJson.mapper().readTree(posted.body()).at("/documents/0/tipId").asLong();
    Tip tip = backend.tips().find(AGENCY_A, new TipId(id)).orElseThrow();

    HttpResponse<String> shown = send(alice("/api/v1/tips/" + id).GET());

    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body())
        .isEqualTo(
            TipDocument.json(
                tip,
                backend.ipAssessments().find(AGENCY_A, tip.id()),
                backend.hashSets().findMatches(AGENCY_A, tip.id())));
    JsonNode doc = TipJson.mapper().readTree(shown.body());
    assertThat(doc.at("/tip/id").asLong()).isEqualTo(id);
    assertThat(doc.at("/ipAttribution/dataSets").asText())
        .startsWith("mode PRODUCTION; no IP data sets (enrichment not checked); routing table");
    JsonNode assessments = doc.get("ipAssessments");
    assertThat(assessments).hasSize(1);
    // production mode: the documentation range of the synthetic report is not routable
    assertThat(assessments.get(0).get("rawIp").asText()).isEqualTo("198.51.100.23");
    assertThat(assessments.get(0).get("status").asText()).isEqualTo("NON_ROUTABLE");

    HttpResponse<String> foreign = send(bob("/api/v1/tips/" + id).GET());
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("198.51.100.23").doesNotContain("ipAssessments");
  }
}
