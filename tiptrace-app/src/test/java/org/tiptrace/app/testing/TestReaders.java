package org.tiptrace.app.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tiptrace.intake.DocumentReader;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;
import org.tiptrace.tip.SourceFormat;

/**
 * Tiny stand-in readers while the real ESP XML and LE JSON readers are written elsewhere. They
 * understand just enough to drive intake:
 *
 * <ul>
 *   <li>{@code <report>} with optional {@code <reportId>}, {@code <screenName>} and {@code <warn/>}
 *       (adds a warning);
 *   <li>{@code <fileDetails>} with {@code <reportId>} and {@code <fileName>};
 *   <li>any other XML root is rejected at line 1 (or the root's line);
 *   <li>JSON {@code {"reportId":"…"}}; without {@code reportId} it is rejected.
 * </ul>
 */
public final class TestReaders {
  private static final Pattern ROOT = Pattern.compile("<([A-Za-z][\\w:.-]*)");

  private TestReaders() {}

  public static DocumentReaders readers() {
    return new DocumentReaders(new Xml(), new Json());
  }

  public static String report(String reportId, String screenName) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report>\n  <reportId>"
        + reportId
        + "</reportId>\n  <screenName>"
        + screenName
        + "</screenName>\n</report>\n";
  }

  public static String fileDetails(String reportId, String fileName) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<fileDetails>\n  <reportId>"
        + reportId
        + "</reportId>\n  <fileName>"
        + fileName
        + "</fileName>\n</fileDetails>\n";
  }

  public static String json(String reportId) {
    return "{\"reportId\": \"" + reportId + "\"}";
  }

  static final class Xml implements DocumentReader {
    @Override
    public ParseResult read(String source, byte[] bytes, ParseMode mode, IntakeLimits limits) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      Matcher root = ROOT.matcher(text.replaceFirst("^\\uFEFF?\\s*<\\?[^>]*\\?>", ""));
      if (!root.find()) {
        return new ParseResult.Rejected(List.of(Problem.error(source, 1, 1, "", "no element")));
      }
      String name = root.group(1);
      int line = lineOf(text, "<" + name);
      Optional<String> reportId = element(text, "reportId");
      switch (name) {
        case "report" -> {
          List<Problem> warnings = new ArrayList<>();
          if (text.contains("<warn/>")) {
            warnings.add(
                Problem.warning(
                    source, lineOf(text, "<warn/>"), 3, "/report/warn", "unknown element kept"));
          }
          return new ParseResult.ReportParsed(
              TestReports.report(
                  SourceFormat.ESP_XML_REPORT,
                  reportId,
                  element(text, "screenName").orElse("someone")),
              warnings);
        }
        case "fileDetails" -> {
          if (reportId.isEmpty()) {
            return new ParseResult.Rejected(
                List.of(
                    Problem.error(
                        source, line, 1, "/fileDetails/reportId", "reportId is required")));
          }
          return new ParseResult.FileDetailsParsed(
              reportId.get(),
              TestReports.file(element(text, "fileName").orElse("file.jpg")),
              List.of());
        }
        default -> {
          return new ParseResult.Rejected(
              List.of(
                  Problem.error(
                      source, line, 2, "/" + name, "unexpected root element <" + name + ">")));
        }
      }
    }
  }

  static final class Json implements DocumentReader {
    @Override
    public ParseResult read(String source, byte[] bytes, ParseMode mode, IntakeLimits limits) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("\"reportId\"\\s*:\\s*\"([^\"]+)\"").matcher(text);
      if (!m.find()) {
        return new ParseResult.Rejected(
            List.of(Problem.error(source, 1, 1, "/reportId", "reportId is required")));
      }
      return new ParseResult.ReportParsed(
          TestReports.report(SourceFormat.LE_JSON, Optional.of(m.group(1)), "json-user"),
          List.of());
    }
  }

  private static Optional<String> element(String text, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(text);
    return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
  }

  private static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    if (at < 0) {
      return 1;
    }
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
