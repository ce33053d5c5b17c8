package org.tiptrace.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;

class IntakeApiTest extends WebTest {

  @Test
  void xmlBodyCreatesATipOfTheUsersAgency() throws IOException {
    String xml = TestDocuments.referenceEspReport("xml-body");
    HttpResponse<String> r =
        send(
            alice("/api/v1/intake")
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode doc = TipJson.mapper().readTree(r.body()).at("/documents/0");
    assertThat(doc.get("name").asText()).isEqualTo("request-body.xml");
    assertThat(doc.get("outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(doc.get("sha256").asText())
        .isEqualTo(Sha256.of(xml.getBytes(StandardCharsets.UTF_8)).hex());
    Tip tip = backend.tips().find(AGENCY_A, new TipId(doc.get("tipId").asLong())).orElseThrow();
    assertThat(tip.report().format()).isEqualTo(SourceFormat.ESP_XML_REPORT);
    assertThat(tip.report().reportedUsers())
        .extracting(u -> u.screenName().orElseThrow())
        .contains("river_fox_77");
    assertThat(backend.tips().find(AGENCY_B, tip.id())).isEmpty();
  }

  @Test
  void textXmlAndJsonBodiesAreAccepted() throws IOException {
    HttpResponse<String> xml =
        send(
            alice("/api/v1/intake")
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"../../etc/tip-7.xml\"")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        TestDocuments.referenceEspReport("text-xml"))));
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(TipJson.mapper().readTree(xml.body()).at("/documents/0/name").asText())
        .isEqualTo("tip-7.xml");

    HttpResponse<String> json =
        send(
            alice("/api/v1/intake")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestDocuments.leJson("2003", "json"))));
    assertThat(json.statusCode()).isEqualTo(200);
    JsonNode body = TipJson.mapper().readTree(json.body());
    assertThat(body.at("/summary/accepted").asInt()).isEqualTo(1);
    assertThat(body.at("/documents/0/name").asText()).isEqualTo("request-body.json");
    assertThat(backend.tips().findByCybertipReportId(AGENCY_A, "2003")).isPresent();
  }

  @Test
  void malformedContentDispositionFallsBackToTheDefaultName() throws IOException {
    HttpResponse<String> r =
        send(
            alice("/api/v1/intake")
                .header("Content-Type", "application/json")
                .header("Content-Disposition", "attachment; filename*=UTF-8''%ZZ.json")
                .POST(HttpRequest.BodyPublishers.ofString(TestDocuments.leJson("2004", "cd"))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(TipJson.mapper().readTree(r.body()).at("/documents/0/name").asText())
        .isEqualTo("request-body.json");
  }

  @Test
  void rejectedDocumentIsReportedWithItsProblems() throws IOException {
    HttpResponse<String> r =
        send(
            alice("/api/v1/intake")
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(TestDocuments.malformedEspReport())));

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = TipJson.mapper().readTree(r.body());
    assertThat(body.at("/summary/rejected").asInt()).isEqualTo(1);
    JsonNode doc = body.at("/documents/0");
    assertThat(doc.get("outcome").asText()).isEqualTo("REJECTED");
    assertThat(doc.get("tipId").isNull()).isTrue();
    JsonNode problem = doc.at("/problems/0");
    assertThat(problem.get("severity").asText()).isEqualTo("ERROR");
    assertThat(problem.get("source").asText()).isEqualTo("request-body.xml");
    assertThat(problem.get("line").asInt()).isEqualTo(TestDocuments.MALFORMED_LINE);
    assertThat(problem.get("column").asInt()).isPositive();
    assertThat(problem.get("path").asText()).isEqualTo(TestDocuments.MALFORMED_PATH);
    assertThat(problem.get("reason").asText()).startsWith("malformed XML: ").contains("platfrom");
    assertThat(problem.get("message").asText())
        .startsWith(
            "request-body.xml:"
                + TestDocuments.MALFORMED_LINE
                + ":"
                + problem.get("column").asInt()
                + ": "
                + TestDocuments.MALFORMED_PATH
                + ": ");
  }

  @Test
  void multipartIngestsEveryFileReportsFirst() throws IOException {
    String reportId = "2005";
    Map<String, String> files = new LinkedHashMap<>();
    files.put("file-1.xml", TestDocuments.fileDetails(reportId, "one.jpg"));
    files.put("report.json", TestDocuments.leJson(reportId, "multi"));
    files.put("le.json", TestDocuments.leJson("2006", "other"));
    String boundary = "tiptrace-" + UUID.randomUUID();

    HttpResponse<String> r =
        send(
            alice("/api/v1/intake")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, files))));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = TipJson.mapper().readTree(r.body());
    assertThat(body.at("/summary/total").asInt()).isEqualTo(3);
    assertThat(body.at("/summary/accepted").asInt()).isEqualTo(2);
    assertThat(body.at("/summary/attached").asInt()).isEqualTo(1);
    assertThat(body.at("/documents/0/name").asText()).isEqualTo("report.json");
    assertThat(body.at("/documents/2/name").asText()).isEqualTo("file-1.xml");
    assertThat(body.at("/documents/2/tipId").asLong())
        .isEqualTo(body.at("/documents/0/tipId").asLong());
    Tip tip = backend.tips().findByCybertipReportId(AGENCY_A, reportId).orElseThrow();
    assertThat(tip.report().files()).hasSize(1);
  }

  @Test
  void sameBytesAgainAreADuplicate() throws IOException {
    String xml = TestDocuments.referenceEspReport("duplicate");
    for (String expected : new String[] {"ACCEPTED", "DUPLICATE"}) {
      HttpResponse<String> r =
          send(
              alice("/api/v1/intake")
                  .header("Content-Type", "application/xml")
                  .POST(HttpRequest.BodyPublishers.ofString(xml)));
      assertThat(TipJson.mapper().readTree(r.body()).at("/documents/0/outcome").asText())
          .isEqualTo(expected);
    }
  }

  @Test
  void unsupportedMediaTypeIs415WithJsonError() throws IOException {
    HttpResponse<String> r =
        send(
            alice("/api/v1/intake")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));
    assertThat(r.statusCode()).isEqualTo(415);
    JsonNode body = TipJson.mapper().readTree(r.body());
    assertThat(body.get("status").asInt()).isEqualTo(415);
    assertThat(body.get("path").asText()).isEqualTo("/api/v1/intake");
    assertThat(body.has("error")).isTrue();
    assertThat(body.has("trace")).isFalse();
  }

  private static byte[] multipart(String boundary, Map<String, String> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : files.entrySet()) {
      String head =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
              + f.getKey()
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.UTF_8));
      out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
      out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
