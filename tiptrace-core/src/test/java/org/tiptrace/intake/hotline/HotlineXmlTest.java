package org.tiptrace.intake.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.tiptrace.intake.hotline.HotlineResponse.ReportDoneResponse;
import org.tiptrace.intake.hotline.HotlineResponse.ReportResponse;
import org.w3c.dom.Document;

/** The response documents, byte for byte as shared/reference/cybertip-esp-xml.md §6.4. */
class HotlineXmlTest {
  private static final String FILE = "9c1d0e6fa24b4a7c8e3f51b2d6a07e44";
  private static final String MD5 = "1a79a4d60de6718e8e5b326e338ae533";

  @Test
  void submitSuccessAsInTheReference() {
    assertThat(HotlineXml.toXml(ReportResponse.ok(4815162)))
        .isEqualTo(
            "<reportResponse><responseCode>0</responseCode><responseDescription/>"
                + "<reportId>4815162</reportId></reportResponse>");
  }

  @Test
  void uploadSuccessAsInTheReference() {
    // §6.4 breaks this line for the page; the document has no whitespace between elements.
    assertThat(HotlineXml.toXml(ReportResponse.uploaded(4815162, FILE, MD5)))
        .isEqualTo(
            "<reportResponse><responseCode>0</responseCode><responseDescription/>"
                + "<reportId>4815162</reportId><fileId>9c1d0e6fa24b4a7c8e3f51b2d6a07e44</fileId>"
                + "<hash>1a79a4d60de6718e8e5b326e338ae533</hash></reportResponse>");
  }

  @Test
  void finishSuccessAsInTheReference() {
    assertThat(HotlineXml.toXml(new ReportDoneResponse(4815162, List.of(FILE))))
        .isEqualTo(
            "<reportDoneResponse><responseCode>0</responseCode><reportId>4815162</reportId>"
                + "<files><fileId>9c1d0e6fa24b4a7c8e3f51b2d6a07e44</fileId></files>"
                + "</reportDoneResponse>");
  }

  @Test
  void validationErrorAsInTheReference() {
    assertThat(
            HotlineXml.toXml(
                ReportResponse.error(ResponseCode.VALIDATION_FAILED, "submit:3:5: /report: bad")))
        .isEqualTo(
            "<reportResponse><responseCode>4100</responseCode><responseDescription>"
                + "validation failed: submit:3:5: /report: bad</responseDescription>"
                + "</reportResponse>");
  }

  @Test
  void descriptionsAreEscapedAndStayWellFormed() throws Exception {
    String hostile = "<a>&amp;\r\u0000\u0007\uD800]]>\u00e9\uD83D\uDE00";
    ReportResponse r = ReportResponse.error(ResponseCode.INVALID_REQUEST, hostile);
    String xml = HotlineXml.toXml(r);
    assertThat(xml).contains("&lt;a&gt;&amp;amp;&#13;\uFFFD\uFFFD\uFFFD]]&gt;\u00e9\uD83D\uDE00");
    Document doc = parse(HotlineXml.toBytes(r));
    assertThat(doc.getDocumentElement().getNamespaceURI()).isNull();
    assertThat(doc.getElementsByTagName("responseDescription").item(0).getTextContent())
        .isEqualTo("invalid request: <a>&amp;\r\uFFFD\uFFFD\uFFFD]]>\u00e9\uD83D\uDE00");
  }

  @Test
  void bytesAreUtf8() {
    ReportResponse r = ReportResponse.error(ResponseCode.INVALID_REQUEST, "\u00e9");
    byte[] b = HotlineXml.toBytes(r);
    assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo(HotlineXml.toXml(r));
    assertThat(Arrays.copyOfRange(b, 0, 16))
        .isEqualTo("<reportResponse>".getBytes(StandardCharsets.US_ASCII));
    assertThat(HotlineXml.CONTENT_TYPE).isEqualTo("text/xml; charset=utf-8");
  }

  @Test
  void everyCodeHasItsNumberAndADescription() {
    assertThat(ResponseCode.values())
        .extracting(ResponseCode::code)
        .containsExactly(
            0, 1000, 1100, 1110, 1111, 1210, 1300, 2000, 3000, 3100, 3300, 4000, 4100, 4110, 4200,
            5001, 5002, 5101, 5102);
    for (ResponseCode c : ResponseCode.values()) {
      assertThat(c.description()).isNotBlank();
      assertThat(ResponseCode.of(c.code())).contains(c);
    }
    assertThat(ResponseCode.of(4242)).isEmpty();
  }

  @Test
  void errorResponsesNeedAnErrorCodeAndHashesNeedAFile() {
    assertThatThrownBy(() -> ReportResponse.error(ResponseCode.SUCCESS, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReportResponse.uploaded(1, "XYZ", MD5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ReportResponse.error(ResponseCode.REPORT_NOT_FOUND, "").description())
        .isEqualTo("report does not exist");
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }
}
