package org.tiptrace.app.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.tiptrace.intake.espxml.EspXmlWriter;
import org.tiptrace.intake.lejson.LeJsonWriter;
import org.tiptrace.tip.SourceFormat;

/**
 * Real-shaped documents for app tests, read by the real readers ({@code
 * DocumentReaders.standard()}): LE JSON downloads and ESP XML {@code fileDetails} written by core's
 * writers from {@link TestReports}, and core's reference fixtures (copied into {@code
 * src/test/resources/documents/}).
 */
public final class TestDocuments {
  /**
   * The report number of {@link #referenceLeJson()}, which {@link #referenceFileDetails()} names.
   */
  public static final String REFERENCE_REPORT_ID = "4815162";

  /**
   * Where {@link #malformedEspReport()} breaks: the reference report with {@code </platfrom>}
   * closing {@code <platform>} on line 6.
   */
  public static final int MALFORMED_LINE = 6;

  public static final String MALFORMED_PATH = "/report/incidentSummary/platform";

  private TestDocuments() {}

  /** An LE JSON download: report number {@code reportId}, one reported user {@code screenName}. */
  public static String leJson(String reportId, String screenName) {
    return LeJsonWriter.write(
        TestReports.report(SourceFormat.LE_JSON, Optional.of(reportId), screenName));
  }

  /** {@link #leJson} padded with trailing white space to exactly {@code size} bytes. */
  public static String leJson(String reportId, int size) {
    String json = leJson(reportId, "padded");
    if (json.length() > size) {
      throw new IllegalArgumentException("document is already " + json.length() + " bytes");
    }
    return json + " ".repeat(size - json.length());
  }

  /**
   * An LE JSON download with a key the reader does not know on line 2: accepted with a warning
   * there.
   */
  public static String leJsonWithUnknownKey(String reportId) {
    return leJson(reportId, "warned").replaceFirst("\\{\n", "{\n  \"reviewQueue\" : \"b-7\",\n");
  }

  /** The JSON pointer of the incident type in an LE JSON download. */
  public static final String INCIDENT_TYPE_POINTER =
      "/reportedInformation/incidentSummary/incidentType";

  /**
   * An LE JSON download whose incident type is not one of the list: rejected, at the pointer {@link
   * #INCIDENT_TYPE_POINTER} and the line {@code lineOf(document, "\"incidentType\"")}.
   */
  public static String leJsonWithUnknownIncidentType(String reportId) {
    String json = leJson(reportId, "rejected");
    String known = "\"Child Pornography (possession, manufacture, and distribution)\"";
    if (!json.contains(known)) {
      throw new IllegalStateException("no incident type " + known + " in " + json);
    }
    return json.replace(known, "\"Child Pornography (possession only)\"");
  }

  /** The line (from 1) on which {@code text} first occurs in {@code document}. */
  public static int lineOf(String document, String text) {
    int at = document.indexOf(text);
    if (at < 0) {
      throw new IllegalArgumentException("'" + text + "' is not in the document");
    }
    return (int) document.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  /**
   * An ESP XML {@code fileDetails} document: one file named {@code fileName} of {@code reportId}.
   */
  public static String fileDetails(String reportId, String fileName) {
    return new String(
        EspXmlWriter.fileDetails(reportId, TestReports.file(fileName)), StandardCharsets.UTF_8);
  }

  /** Core's reference LE JSON download, report number {@link #REFERENCE_REPORT_ID}. */
  public static String referenceLeJson() {
    return resource("reference-example.json");
  }

  /** Core's reference ESP XML {@code fileDetails} of report {@link #REFERENCE_REPORT_ID}. */
  public static String referenceFileDetails() {
    return resource("reference-fileDetails.xml");
  }

  /** Core's reference ESP XML {@code report}, as an ESP submits it (no report number yet). */
  public static String referenceEspReport() {
    return resource("reference-report.xml");
  }

  /**
   * {@link #referenceEspReport()} with a comment naming {@code tag} after the XML declaration: the
   * same report in different bytes, so that it is not a duplicate of another test's.
   */
  public static String referenceEspReport(String tag) {
    return referenceEspReport().replaceFirst("\\?>\n", "?>\n<!-- " + tag + " -->\n");
  }

  /** Not well-formed: see {@link #MALFORMED_LINE}. */
  public static String malformedEspReport() {
    return resource("malformed-report.xml");
  }

  private static String resource(String name) {
    try (InputStream in = TestDocuments.class.getResourceAsStream("/documents/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource documents/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
