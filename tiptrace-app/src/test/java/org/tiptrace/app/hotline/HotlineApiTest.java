package org.tiptrace.app.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditLog;
import org.tiptrace.tip.Tip;

/**
 * The hotline API over real HTTP, as an ESP client drives it: submit → upload → fileinfo → finish,
 * retract, and the error answers, checked on the response XML and codes of
 * shared/reference/cybertip-esp-xml.md §1 and §6.4.
 */
class HotlineApiTest extends WebTest {
  private static final Pattern REPORT_ID = Pattern.compile("<reportId>(\\d+)</reportId>");
  private static final Pattern FILE_ID = Pattern.compile("<fileId>([0-9a-f]{32})</fileId>");
  private final HttpClient http = client();

  @Test
  void statusNeedsPlatformCredentials() {
    HttpResponse<String> ok = send(http, photos("/ispws/status").GET().build());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body())
        .isEqualTo(
            "<reportResponse><responseCode>0</responseCode><responseDescription/></reportResponse>");
    assertThat(ok.headers().firstValue("Request-ID")).isPresent();
    assertThat(ok.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));

    HttpResponse<String> wrong =
        send(http, basic("/ispws/status", "esp-photos", "nope").GET().build());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("<responseCode>2000</responseCode>");

    // An investigator's account is not a platform account.
    assertThat(send(http, alice("/ispws/status").GET().build()).statusCode()).isEqualTo(401);
    assertThat(send(http, request("/ispws/status").GET().build()).statusCode()).isEqualTo(401);
  }

  @Test
  void submitUploadFileinfoFinishFilesATip() throws IOException {
    String reportId = submitReference();

    byte[] fileBytes = "example".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> uploaded = upload(reportId, "upload_5531_0007.jpg", fileBytes);
    assertThat(uploaded.body()).contains("<responseCode>0</responseCode>");
    // MD5 of the 7 bytes "example", as the reference's worked example states.
    assertThat(uploaded.body()).contains("<hash>1a79a4d60de6718e8e5b326e338ae533</hash>");
    String fileId = match(FILE_ID, uploaded.body());

    String details =
        resource("espxml/reference-fileDetails.xml")
            .replace("<reportId>4815162</reportId>", "<reportId>" + reportId + "</reportId>")
            .replace("9c1d0e6fa24b4a7c8e3f51b2d6a07e44", fileId);
    HttpResponse<String> info = post("/ispws/fileinfo", details);
    assertThat(info.body()).contains("<responseCode>0</responseCode>");

    HttpResponse<String> done = form("/ispws/finish", reportId);
    assertThat(done.body())
        .isEqualTo(
            "<reportDoneResponse><responseCode>0</responseCode><reportId>"
                + reportId
                + "</reportId><files><fileId>"
                + fileId
                + "</fileId></files></reportDoneResponse>");

    Tip tip = backend.tips().findByCybertipReportId(AGENCY_A, reportId).orElseThrow();
    assertThat(tip.report().files()).hasSize(1);
    assertThat(tip.report().files().get(0).fileId()).contains(fileId);
    assertThat(tip.report().files().get(0).hashes())
        .anyMatch(
            h ->
                h.value()
                    .equals("50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c"));
    // The tip belongs to the platform's agency only.
    assertThat(backend.tips().findByCybertipReportId(AGENCY_B, reportId)).isEmpty();
    assertThat(backend.auditLog().read(0, AuditLog.MAX_PAGE))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo(AuditAction.HOTLINE_REPORT_FILED);
              assertThat(e.actor()).isEqualTo("esp-photos");
              assertThat(e.agency()).contains(AGENCY_A);
              assertThat(e.subjectId()).isEqualTo(reportId);
            });

    assertThat(form("/ispws/finish", reportId).body())
        .contains("<responseCode>5102</responseCode>");
    assertThat(form("/ispws/retract", reportId).body())
        .contains("<responseCode>5102</responseCode>");
    assertThat(upload(reportId, "late.jpg", fileBytes).body())
        .contains("<responseCode>5102</responseCode>");
  }

  /**
   * Issue 3 §5: the bytes of a hotline upload are available, so the finish's hash step computes
   * their PDQ hash (the report carries none), stores it as computed by Tiptrace, matches with it,
   * and audits the computing under the step's own name.
   */
  @Test
  void finishComputesThePdqHashOfAnUploadedPhoto() throws IOException {
    // Other bytes than the reference report's, so that the finish files a tip of its own.
    HttpResponse<String> submitted =
        post(
            "/ispws/submit",
            resource("espxml/reference-report.xml")
                .replace("Time of the blocked upload, UTC.", "Time of the second upload, UTC."));
    String reportId = match(REPORT_ID, submitted.body());
    byte[] photo =
        java.nio.file.Files.readAllBytes(
            org.tiptrace.hash.pdq.PdqTestData.root()
                .resolve("reg-test-input/dih/bridge-1-original.jpg"));
    String fileId = match(FILE_ID, upload(reportId, "upload_5531_0008.jpg", photo).body());
    String details =
        resource("espxml/reference-fileDetails.xml")
            .replace("<reportId>4815162</reportId>", "<reportId>" + reportId + "</reportId>")
            .replace("9c1d0e6fa24b4a7c8e3f51b2d6a07e44", fileId);
    assertThat(post("/ispws/fileinfo", details).body()).contains("<responseCode>0</responseCode>");
    assertThat(form("/ispws/finish", reportId).body()).contains("<responseCode>0</responseCode>");

    Tip tip = backend.tips().findByCybertipReportId(AGENCY_A, reportId).orElseThrow();
    var computed = backend.hashSets().findComputed(AGENCY_A, tip.id());
    assertThat(computed).containsOnlyKeys(0);
    assertThat(computed.get(0).pdq().status())
        .isEqualTo(org.tiptrace.hash.content.PdqStatus.HASHED);
    assertThat(computed.get(0).pdq().hash())
        .contains("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
    assertThat(computed.get(0).digests()).as("the upload's digests are in the report").isEmpty();
    assertThat(
            backend
                .hashSets()
                .findMatches(AGENCY_A, tip.id())
                .orElseThrow()
                .matches()
                .files()
                .get(0)
                .computed())
        .contains(computed.get(0));
    assertThat(backend.auditLog().read(0, AuditLog.MAX_PAGE))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo(AuditAction.FILE_HASHES_COMPUTED);
              assertThat(e.actor()).isEqualTo("tiptrace:hash-step");
              assertThat(e.agency()).contains(AGENCY_A);
              assertThat(e.subjectId()).isEqualTo(tip.id() + "/" + fileId);
            });
  }

  @Test
  void retractCancelsAnOpenReport() throws IOException {
    String reportId = submitReference();
    assertThat(form("/ispws/retract", reportId).body()).contains("<responseCode>0</responseCode>");
    assertThat(form("/ispws/retract", reportId).body())
        .contains("<responseCode>5101</responseCode>");
    assertThat(form("/ispws/finish", reportId).body())
        .contains("<responseCode>5101</responseCode>");
    assertThat(backend.tips().findByCybertipReportId(AGENCY_A, reportId)).isEmpty();
  }

  @Test
  void anotherPlatformCannotSeeTheReport() throws IOException {
    String reportId = submitReference();
    HttpResponse<String> other =
        send(
            http,
            chat("/ispws/finish")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id=" + reportId))
                .build());
    assertThat(other.body()).contains("<responseCode>5001</responseCode>");
  }

  @Test
  void badDocumentsGetTheirCodesAndAUsefulDescription() throws IOException {
    assertThat(post("/ispws/submit", "<report><incidentSummary>").body())
        .contains("<responseCode>4110</responseCode>");

    String reordered = moveReporterBeforeLawEnforcement(resource("espxml/reference-report.xml"));
    HttpResponse<String> invalid = post("/ispws/submit", reordered);
    assertThat(invalid.body()).contains("<responseCode>4100</responseCode>").contains("reporter");

    assertThat(form("/ispws/finish", "999999999").body())
        .contains("<responseCode>5001</responseCode>");
    assertThat(form("/ispws/finish", "not-a-number").body())
        .contains("<responseCode>4000</responseCode>");
    assertThat(send(http, photos("/ispws/no-such-endpoint").GET().build()).body())
        .contains("<responseCode>1210</responseCode>");
  }

  private String submitReference() throws IOException {
    HttpResponse<String> submitted = post("/ispws/submit", resource("espxml/reference-report.xml"));
    assertThat(submitted.statusCode()).isEqualTo(200);
    assertThat(submitted.body()).contains("<responseCode>0</responseCode>");
    return match(REPORT_ID, submitted.body());
  }

  private static String moveReporterBeforeLawEnforcement(String xml) {
    int le = xml.indexOf("  <lawEnforcement>");
    int rs = xml.indexOf("  <reporter>");
    int re = xml.indexOf("</reporter>") + "</reporter>\n".length();
    assertThat(le).isPositive().isLessThan(rs);
    return xml.substring(0, le) + xml.substring(rs, re) + xml.substring(le, rs) + xml.substring(re);
  }

  private HttpResponse<String> post(String path, String xml) {
    return send(
        http,
        photos(path)
            .header("Content-Type", "text/xml; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
            .build());
  }

  private HttpResponse<String> form(String path, String id) {
    return send(
        http,
        photos(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("id=" + id))
            .build());
  }

  private HttpResponse<String> upload(String reportId, String fileName, byte[] bytes)
      throws IOException {
    String boundary = "tiptrace-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n"
                + reportId
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(bytes);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        http,
        photos("/ispws/upload")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  private HttpRequest.Builder photos(String path) {
    return basic(path, "esp-photos", "photos-secret");
  }

  private HttpRequest.Builder chat(String path) {
    return basic(path, "esp-chat", "chat-secret");
  }

  private static String match(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertThat(m.find()).as("%s in %s", p, text).isTrue();
    return m.group(1);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = HotlineApiTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(Optional.of(in).get().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
