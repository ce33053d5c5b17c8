package org.tiptrace.app.tips;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipJson;

class TipApiTest extends WebTest {

  @Test
  void listIsAPageOfTheAgencysTipsWithTotal() throws IOException {
    Tip tip = insertTip(AGENCY_A, "LIST-A", "a");

    HttpResponse<String> r = send(alice("/api/v1/tips?offset=0&limit=1000").GET());

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode page = TipJson.mapper().readTree(r.body());
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(page.get("limit").asInt()).isEqualTo(1000);
    assertThat(page.get("items").findValuesAsText("cybertipReportId")).contains("LIST-A");
    assertThat(page.get("items").findValues("agency"))
        .allSatisfy(a -> assertThat(a.asText()).isEqualTo("ICAC-A"));
    assertThat(page.get("items").findValues("id"))
        .anySatisfy(id -> assertThat(id.asLong()).isEqualTo(tip.id().value()));
  }

  @Test
  void anotherAgencySeesNothingInItsList() throws IOException {
    insertTip(AGENCY_A, "LIST-HIDDEN", "a");

    HttpResponse<String> r = send(bob("/api/v1/tips").GET());

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode page = TipJson.mapper().readTree(r.body());
    assertThat(page.get("total").asLong()).isZero();
    assertThat(page.get("items")).isEmpty();
  }

  @Test
  void showReturnsTheCanonicalTipJsonInItsDocument() {
    Tip tip = insertTip(AGENCY_A, "SHOW-A", "shown");

    HttpResponse<String> r = send(alice("/api/v1/tips/" + tip.id()).GET());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(r.body()).isEqualTo(TipDocument.json(tip, Optional.empty(), Optional.empty()));
  }

  @Test
  void anotherAgencysTipIs404LikeAMissingOne() throws IOException {
    Tip tip = insertTip(AGENCY_A, "SECRET-A", "hidden");

    HttpResponse<String> foreign = send(bob("/api/v1/tips/" + tip.id()).GET());
    HttpResponse<String> missing = send(bob("/api/v1/tips/999999999").GET());

    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("SECRET-A").doesNotContain("hidden");
    JsonNode body = TipJson.mapper().readTree(foreign.body());
    assertThat(body.get("status").asInt()).isEqualTo(404);
    assertThat(body.get("error").asText()).isEqualTo("no tip " + tip.id());
    assertThat(body.get("path").asText()).isEqualTo("/api/v1/tips/" + tip.id());
    assertThat(body.size()).isEqualTo(3);
    assertThat(TipJson.mapper().readTree(missing.body()).get("error").asText())
        .isEqualTo("no tip 999999999");
  }

  @Test
  void malformedIdsAre404() {
    for (String id : new String[] {"abc", "0", "-1", "99999999999999999999"}) {
      assertThat(send(alice("/api/v1/tips/" + id).GET()).statusCode()).as(id).isEqualTo(404);
    }
  }

  @Test
  void badPagingIs400() throws IOException {
    for (String query : new String[] {"limit=0", "limit=1001", "offset=-1", "offset=abc"}) {
      HttpResponse<String> r = send(alice("/api/v1/tips?" + query).GET());
      assertThat(r.statusCode()).as(query).isEqualTo(400);
      JsonNode body = TipJson.mapper().readTree(r.body());
      assertThat(body.get("status").asInt()).isEqualTo(400);
      assertThat(body.get("path").asText()).isEqualTo("/api/v1/tips");
    }
  }
}
