package org.tiptrace.store.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.tiptrace.intake.DocumentReader;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.UserRole;

/**
 * A stand-in {@link DocumentReader} for intake tests of the store, and the documents it reads.
 *
 * <p>Why: the real ESP XML and LE JSON readers are written in parallel and are placeholders on this
 * branch. The store's intake tests (the crash test among them) need only distinct documents that
 * become small reports and {@code fileDetails}, so they use this reader for both formats: {@code
 * new DocumentReaders(reader, reader)}. Once the readers are merged these tests can switch to
 * generated real documents.
 *
 * <p>Format, one JSON object: {@code {"kind":"report","reportId":…,"seq":…,"pad":…}} or {@code
 * {"kind":"fileDetails","reportId":…,"seq":…}}. A report gets one file and one reported user with
 * an upload IP; a fileDetails one file; the hashes are derived from {@code seq}.
 */
public final class SyntheticTestReader implements DocumentReader {

  /** A report document; {@code padBytes} of filler make the documents differ in size. */
  public static byte[] reportDocument(String reportId, int seq, int padBytes) {
    ObjectNode n = TipJson.mapper().createObjectNode();
    n.put("kind", "report");
    n.put("reportId", reportId);
    n.put("seq", seq);
    n.put("pad", "x".repeat(Math.max(0, padBytes)));
    return TipJson.write(n).getBytes(StandardCharsets.UTF_8);
  }

  /** A {@code fileDetails} document for the report {@code reportId}. */
  public static byte[] fileDetailsDocument(String reportId, int seq) {
    ObjectNode n = TipJson.mapper().createObjectNode();
    n.put("kind", "fileDetails");
    n.put("reportId", reportId);
    n.put("seq", seq);
    return TipJson.write(n).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public ParseResult read(String sourceName, byte[] bytes, ParseMode mode, IntakeLimits limits) {
    JsonNode n;
    try {
      n = TipJson.mapper().readTree(bytes);
    } catch (IOException e) {
      return reject(sourceName, "not JSON: " + e.getMessage());
    }
    if (n == null || !n.hasNonNull("reportId") || !n.has("seq")) {
      return reject(sourceName, "reportId and seq are required");
    }
    String reportId = n.get("reportId").asText();
    int seq = n.get("seq").asInt();
    String kind = n.path("kind").asText();
    return switch (kind) {
      case "report" -> {
        Report report =
            TestReports.report()
                .reportId(reportId)
                .espName("Example Photos " + (seq % 7))
                .incidentTime("2025-03-14T21:07:31Z")
                .user(
                    TestReports.user(
                        UserRole.REPORTED,
                        "user" + seq,
                        TestReports.ip(
                            "198.51.100." + (seq % 250 + 1),
                            1024 + seq % 60000,
                            "2025-03-14T21:07:31Z")))
                .file(TestReports.file("r" + seq + ".jpg", TestReports.md5(md5Hex(seq))))
                .build();
        yield new ParseResult.ReportParsed(report, List.of());
      }
      case "fileDetails" ->
          new ParseResult.FileDetailsParsed(
              reportId,
              TestReports.file("f" + seq + ".jpg", TestReports.md5(md5Hex(seq))),
              List.of());
      default -> reject(sourceName, "unknown kind '" + kind + "'");
    };
  }

  /** The MD5 the reader gives the file of document {@code seq}. */
  public static String md5Hex(int seq) {
    try {
      byte[] d =
          MessageDigest.getInstance("MD5")
              .digest(String.format(Locale.ROOT, "file-%d", seq).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  private static ParseResult reject(String sourceName, String reason) {
    return new ParseResult.Rejected(List.of(Problem.error(sourceName, "", reason)));
  }
}
