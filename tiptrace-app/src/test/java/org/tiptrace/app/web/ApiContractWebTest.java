package org.tiptrace.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.tip.TipJson;

/** The API's contract: the OpenAPI description, one JSON error shape, the page envelope. */
class ApiContractWebTest extends WebTest {

  private static String error(int status, String error, String path) {
    return "{\"status\":" + status + ",\"error\":\"" + error + "\",\"path\":\"" + path + "\"}";
  }

  @Test
  void theOpenApiDescriptionIsServedToSignedInUsersOnlyAndCoversTheV1Api() throws IOException {
    HttpResponse<String> anonymous = send(request("/api/docs").GET());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).isEqualTo(error(401, "authentication required", "/api/docs"));

    HttpResponse<String> r = send(bob("/api/docs").GET());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = TipJson.mapper().readTree(r.body());
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(doc.get("paths").has("/api/v1/tips")).isTrue();
    assertThat(doc.get("paths").has("/api/v1/tips/{id}")).isTrue();
    assertThat(doc.get("paths").has("/api/v1/intake")).isTrue();
    assertThat(r.body()).doesNotContain("/ispws").doesNotContain("/login");
  }

  @Test
  void everyApiErrorHasTheSameThreeFields() {
    assertThat(send(bob("/api/v1/intake").POST(HttpRequest.BodyPublishers.ofString("{}"))).body())
        .as("403: bob may not submit")
        .isEqualTo(error(403, "access denied", "/api/v1/intake"));

    HttpResponse<String> missing = send(alice("/api/v1/tips/987654321").GET());
    assertThat(missing.statusCode()).isEqualTo(404);
    JsonNode notFound = read(missing.body());
    assertThat(notFound.get("status").asInt()).isEqualTo(404);
    assertThat(notFound.get("path").asText()).isEqualTo("/api/v1/tips/987654321");
    assertThat(notFound.size()).isEqualTo(3);

    HttpResponse<String> delete = send(alice("/api/v1/tips/1").DELETE());
    assertThat(delete.statusCode()).isEqualTo(405);
    assertThat(delete.headers().firstValue("Allow")).contains("GET");
    assertThat(delete.body()).isEqualTo(error(405, "method not allowed", "/api/v1/tips/1"));

    HttpResponse<String> csv =
        send(
            alice("/api/v1/intake")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("a,b")));
    assertThat(csv.statusCode()).isEqualTo(415);
    assertThat(read(csv.body()).size()).isEqualTo(3);
    assertThat(read(csv.body()).get("status").asInt()).isEqualTo(415);

    HttpResponse<String> bad = send(alice("/api/v1/tips?limit=0").GET());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(read(bad.body()).get("status").asInt()).isEqualTo(400);
    assertThat(read(bad.body()).size()).isEqualTo(3);

    HttpResponse<String> unknown = send(alice("/api/v2/nothing").GET());
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(unknown.body()).isEqualTo(error(403, "access denied", "/api/v2/nothing"));
  }

  @Test
  void listsComeInThePageEnvelopeWithNeighbourOffsets() {
    insertTip(AGENCY_A, "ENVELOPE-1", "env1");
    insertTip(AGENCY_A, "ENVELOPE-2", "env2");

    JsonNode first = read(send(alice("/api/v1/tips?offset=0&limit=1").GET()).body());
    assertThat(first.get("items")).hasSize(1);
    assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(first.get("offset").asInt()).isZero();
    assertThat(first.get("limit").asInt()).isEqualTo(1);
    assertThat(first.get("nextOffset").asInt()).isEqualTo(1);
    assertThat(first.get("previousOffset").isNull()).isTrue();

    long total = first.get("total").asLong();
    JsonNode last =
        read(send(alice("/api/v1/tips?offset=" + (total - 1) + "&limit=1").GET()).body());
    assertThat(last.get("nextOffset").isNull()).isTrue();
    assertThat(last.get("previousOffset").asLong()).isEqualTo(total - 2);
  }

  private static JsonNode read(String body) {
    try {
      return TipJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
