package org.tiptrace.intake.espxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;
import org.tiptrace.intake.Severity;
import org.tiptrace.tip.FileAnnotation;
import org.tiptrace.tip.ReportAnnotation;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.TipJson;

/**
 * Bad input, one case per test: each asserts the exact element path, the line, and a reason. Most
 * cases mutate the reference example (reference §6.3) so the rest of the document is valid.
 */
class EspXmlBadInputTest {
  private static final String REPORT = EspXmlFixtures.text(EspXmlFixtures.REPORT);
  private static final String FILE = EspXmlFixtures.text(EspXmlFixtures.FILE_DETAILS);

  // ------------------------------------------------------------------ helpers

  /** 1-based line of the {@code nth} (1-based) occurrence of {@code needle}. */
  static int lineOf(String xml, String needle, int nth) {
    int at = -1;
    for (int i = 0; i < nth; i++) {
      at = xml.indexOf(needle, at + 1);
      if (at < 0) {
        throw new AssertionError("fixture has no occurrence " + nth + " of " + needle);
      }
    }
    return (int) xml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  static int lineOf(String xml, String needle) {
    return lineOf(xml, needle, 1);
  }

  static String replaceOnce(String xml, String from, String to) {
    int at = xml.indexOf(from);
    assertThat(at).as("fixture contains %s", from).isNotNegative();
    return xml.substring(0, at) + to + xml.substring(at + from.length());
  }

  static ParseResult read(String xml, ParseMode mode) {
    return EspXmlFixtures.read("bad.xml", xml, mode);
  }

  /** The result is rejected with exactly one error; returns it. */
  static Problem onlyError(ParseResult result) {
    assertThat(result).isInstanceOf(ParseResult.Rejected.class);
    List<Problem> errors = result.problems().stream().filter(Problem::isError).toList();
    assertThat(errors).as("errors of %s", result.problems()).hasSize(1);
    Problem p = errors.get(0);
    assertThat(p.source()).isEqualTo("bad.xml");
    assertThat(p.column()).isPresent();
    return p;
  }

  static void assertProblem(Problem p, String path, int line, String reason) {
    assertThat(p.path()).as(p.message()).isEqualTo(path);
    assertThat(p.line()).as(p.message()).isEqualTo(OptionalInt.of(line));
    assertThat(p.reason()).as(p.message()).contains(reason);
  }

  // ------------------------------------------------------------------ well-formedness

  @Test
  void truncatedXmlIsAnErrorAtTheEndWithTheOpenElement() {
    String cut = "<screenName>river_fox_77</screenName>";
    String xml = REPORT.substring(0, REPORT.indexOf(cut) + cut.length()) + "\n";

    for (ParseMode mode : ParseMode.values()) {
      Problem p = onlyError(read(xml, mode));
      assertProblem(p, "/report/personOrUserReported", lineOf(xml, cut) + 1, "EOF");
    }
  }

  @Test
  void invalidUtf8BytesAreAnErrorWithLocation() {
    byte[] good = REPORT.getBytes(StandardCharsets.UTF_8);
    String marker = "Example Photos (web and Android)";
    int at = REPORT.indexOf(marker); // ASCII before this point: char index = byte index
    byte[] bad = good.clone();
    bad[at + 8] = (byte) 0xC3; // lead byte of a 2-byte sequence ...
    bad[at + 9] = (byte) 0x28; // ... followed by '(' instead of a continuation byte

    Problem p = onlyError(EspXmlFixtures.read("bad.xml", bad, ParseMode.TOLERANT));
    assertProblem(p, "/report/incidentSummary/platform", lineOf(REPORT, marker), "UTF-8");
  }

  @Test
  void emptyDocumentIsAnError() {
    for (byte[] bytes :
        List.of(new byte[0], new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n', ' '})) {
      Problem p = onlyError(EspXmlFixtures.read("bad.xml", bytes, ParseMode.TOLERANT));
      assertProblem(p, "", 1, "document is empty");
    }
  }

  @Test
  void wrongRootElementIsAnError() {
    String xml =
        "<?xml version=\"1.0\"?>\n"
            + "<reportResponse><responseCode>0</responseCode></reportResponse>\n";

    Problem p = onlyError(read(xml, ParseMode.TOLERANT));
    assertProblem(p, "/reportResponse", 2, "expected <report> or <fileDetails>");
  }

  // ------------------------------------------------------------------ hostile input

  @Test
  void doctypeWithExternalEntityIsRejectedWithoutReadingAnything(@TempDir Path dir)
      throws Exception {
    String secret = "TIPTRACE-SECRET-" + System.nanoTime();
    Path file = dir.resolve("secret.txt");
    Files.writeString(file, secret, StandardCharsets.UTF_8);

    try (ServerSocket server = new ServerSocket(0)) {
      server.setSoTimeout(300);
      String xml =
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              + "<!DOCTYPE report [\n"
              + "  <!ENTITY leak SYSTEM \""
              + file.toUri()
              + "\">\n"
              + "  <!ENTITY % remote SYSTEM \"http://127.0.0.1:"
              + server.getLocalPort()
              + "/x.dtd\">\n"
              + "  %remote;\n"
              + "]>\n"
              + REPORT
                  .substring(REPORT.indexOf("<report"))
                  .replace(
                      "<platform>Example Photos (web and Android)</platform>",
                      "<platform>&leak;</platform>");

      for (ParseMode mode : ParseMode.values()) {
        ParseResult result = read(xml, mode);
        Problem p = onlyError(result);
        assertProblem(p, "", 2, "DOCTYPE is not allowed");
        assertThat(TipJson.write(result)).doesNotContain(secret);
      }

      AtomicBoolean connected = new AtomicBoolean(true);
      try {
        server.accept().close();
      } catch (SocketTimeoutException expected) {
        connected.set(false);
      }
      assertThat(connected).as("the parser connected to the external DTD URL").isFalse();
    }
  }

  @Test
  void billionLaughsIsRejectedQuickly() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE report [\n  <!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      dtd.append("  <!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    dtd.append("]>\n");
    String xml = "<?xml version=\"1.0\"?>\n" + dtd + "<report>&lol9;</report>\n";

    long start = System.nanoTime();
    ParseResult result = read(xml, ParseMode.TOLERANT);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    Problem p = onlyError(result);
    assertProblem(p, "", 2, "DOCTYPE is not allowed");
    assertThat(took).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void entityReferenceWithoutDoctypeIsRejected() {
    String xml =
        replaceOnce(
            REPORT,
            "<platform>Example Photos (web and Android)</platform>",
            "<platform>&lol9;</platform>");

    Problem p = onlyError(read(xml, ParseMode.TOLERANT));
    assertProblem(p, "/report/incidentSummary/platform", lineOf(xml, "&lol9;"), "lol9");
  }

  @Test
  void tooDeepNestingIsRejectedAtTheLimit() {
    IntakeLimits limits = new IntakeLimits(1 << 20, 8, 1024);
    String xml =
        "<report>\n<incidentSummary>\n"
            + "<a>\n".repeat(20)
            + "</a>\n".repeat(20)
            + "</incidentSummary>\n</report>\n";

    ParseResult result =
        new EspXmlReader()
            .read("bad.xml", xml.getBytes(StandardCharsets.UTF_8), ParseMode.TOLERANT, limits);

    Problem p = onlyError(result);
    // depth 8 is report, incidentSummary and six <a>; the ninth element (line 9) is refused.
    assertProblem(p, "/report/incidentSummary" + "/a".repeat(6), 9, "Element Depth limit (8)");
  }

  @Test
  void oversizedTextIsRejected() {
    IntakeLimits limits = new IntakeLimits(1 << 20, 64, 1024);
    String big = "x".repeat(5000);
    String xml =
        replaceOnce(
            REPORT,
            "<additionalInfo>Synthetic example.",
            "<additionalInfo>" + big + " Synthetic example.");

    ParseResult result =
        new EspXmlReader()
            .read("bad.xml", xml.getBytes(StandardCharsets.UTF_8), ParseMode.TOLERANT, limits);

    Problem p = onlyError(result);
    assertProblem(p, "/report/additionalInfo", lineOf(xml, big), "1024");
  }

  @Test
  void oversizedAttributeIsRejected() {
    IntakeLimits limits = new IntakeLimits(1 << 20, 64, 1024);
    String xml =
        replaceOnce(
            REPORT, "<address type=\"Business\">", "<address type=\"" + "B".repeat(3000) + "\">");

    ParseResult result =
        new EspXmlReader()
            .read("bad.xml", xml.getBytes(StandardCharsets.UTF_8), ParseMode.TOLERANT, limits);

    Problem p = onlyError(result);
    assertThat(p.line()).isEqualTo(OptionalInt.of(lineOf(xml, "BBBB")));
    assertThat(p.path()).isEqualTo("/report/reporter/reportingPerson");
    assertThat(p.reason()).contains("1024");
  }

  // ------------------------------------------------------------------ strict structure

  @Test
  void reporterBeforeLawEnforcementIsAnOrderErrorInStrict() {
    int le = REPORT.indexOf("  <lawEnforcement>");
    int rep = REPORT.indexOf("  <reporter>");
    int end = REPORT.indexOf("  <personOrUserReported>");
    String xml =
        REPORT.substring(0, le)
            + REPORT.substring(rep, end)
            + REPORT.substring(le, rep)
            + REPORT.substring(end);

    Problem p = onlyError(read(xml, ParseMode.STRICT));
    assertProblem(p, "/report/lawEnforcement", lineOf(xml, "<lawEnforcement>"), "out of order");
    assertThat(p.reason()).contains("before <reporter>");

    assertThat(read(xml, ParseMode.TOLERANT)).isInstanceOf(ParseResult.ReportParsed.class);
    assertThat(read(xml, ParseMode.TOLERANT).problems()).isEmpty();
  }

  @Test
  void screenNameBeforeProfileUrlInAssociatedAccountIsAnOrderErrorInStrict() {
    String url = "      <profileUrl>https://photos.example.com/u/rf_alt</profileUrl>\n";
    String sn = "      <screenName>rf_alt</screenName>\n";
    String xml = replaceOnce(REPORT, url + sn, sn + url);

    Problem p = onlyError(read(xml, ParseMode.STRICT));
    assertProblem(
        p,
        "/report/personOrUserReported/associatedAccount/profileUrl",
        lineOf(xml, url.strip()),
        "out of order");
    assertThat(read(xml, ParseMode.TOLERANT)).isInstanceOf(ParseResult.ReportParsed.class);
  }

  @Test
  void falseFlagIsRejectedInStrictAndDroppedWithWarningInTolerant() {
    String xml =
        replaceOnce(REPORT, "<csamSolicitation/>", "<csamSolicitation>false</csamSolicitation>");
    String path = "/report/incidentSummary/reportAnnotations/csamSolicitation";
    int line = lineOf(xml, "<csamSolicitation>");

    assertProblem(onlyError(read(xml, ParseMode.STRICT)), path, line, "fixed value is true");

    ParseResult tolerant = read(xml, ParseMode.TOLERANT);
    assertThat(tolerant).isInstanceOf(ParseResult.ReportParsed.class);
    assertThat(((ParseResult.ReportParsed) tolerant).report().incidentSummary().annotations())
        .doesNotContain(ReportAnnotation.CSAM_SOLICITATION);
    assertThat(tolerant.problems()).singleElement().extracting(Problem::path).isEqualTo(path);
  }

  @Test
  void potentialMemeTogetherWithFileAnnotationsIsRejectedInStrict() {
    String xml =
        replaceOnce(
            FILE,
            "  </fileAnnotations>\n",
            "  </fileAnnotations>\n  <potentialMeme>true</potentialMeme>\n");

    assertProblem(
        onlyError(read(xml, ParseMode.STRICT)),
        "/fileDetails/potentialMeme",
        lineOf(xml, "<potentialMeme>"),
        "only one of <potentialMeme>, <fileAnnotations>");

    ParseResult tolerant = read(xml, ParseMode.TOLERANT);
    assertThat(((ParseResult.FileDetailsParsed) tolerant).file().annotations())
        .containsExactly(FileAnnotation.POTENTIAL_MEME, FileAnnotation.GENERATIVE_AI);
  }

  @Test
  void supplementalFileWithIndustryClassificationIsRejectedInStrict() {
    String xml =
        replaceOnce(
            replaceOnce(
                FILE,
                "<fileRelevance>Reported</fileRelevance>",
                "<fileRelevance>Supplemental Reported</fileRelevance>"),
            "  <originalFileHash hashType=\"MD5\">",
            "  <industryClassification>A1</industryClassification>\n"
                + "  <originalFileHash hashType=\"MD5\">");

    Problem p = onlyError(read(xml, ParseMode.STRICT));
    assertProblem(
        p, "/fileDetails/fileRelevance", lineOf(xml, "<fileRelevance>"), "industryClassification");
    assertThat(read(xml, ParseMode.TOLERANT)).isInstanceOf(ParseResult.FileDetailsParsed.class);
  }

  @Test
  void supplementalFileMarkedAsPotentialMemeIsRejectedInStrict() {
    String xml =
        replaceOnce(
            replaceOnce(
                FILE,
                "<fileRelevance>Reported</fileRelevance>",
                "<fileRelevance>Supplemental Reported</fileRelevance>"),
            "    <generativeAi/>\n",
            "    <generativeAi/>\n    <potentialMeme/>\n");

    assertProblem(
        onlyError(read(xml, ParseMode.STRICT)),
        "/fileDetails/fileRelevance",
        lineOf(xml, "<fileRelevance>"),
        "may not carry potentialMeme");
    ParseResult tolerant = read(xml, ParseMode.TOLERANT);
    assertThat(tolerant).isInstanceOf(ParseResult.FileDetailsParsed.class);
    assertThat(tolerant.problems())
        .singleElement()
        .extracting(Problem::severity)
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void hashOfWrongLengthIsAnErrorInStrictAndAWarningInTolerant() {
    String xml =
        replaceOnce(FILE, "1a79a4d60de6718e8e5b326e338ae533", "1a79a4d60de6718e8e5b326e338ae5");

    assertProblem(
        onlyError(read(xml, ParseMode.STRICT)),
        "/fileDetails/originalFileHash",
        lineOf(xml, "hashType=\"MD5\""),
        "MD5 hash '1a79a4d60de6718e8e5b326e338ae5' is not 32 hex digits");
    assertThat(read(xml, ParseMode.TOLERANT).problems())
        .singleElement()
        .extracting(Problem::severity)
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void phoneAttributePatternsAreCheckedInStrict() {
    String xml =
        replaceOnce(
            REPORT,
            "countryCallingCode=\"+1\" extension=\"204\"",
            "countryCallingCode=\"1\" extension=\"204\"");

    assertProblem(
        onlyError(read(xml, ParseMode.STRICT)),
        "/report/reporter/contactPerson/phone/@countryCallingCode",
        lineOf(xml, "extension="),
        "does not match +[0-9]{1,3}");
  }

  @Test
  void reportWithoutInternetDetailsBreaksTheDocumentedRuleInStrict() {
    int from = REPORT.indexOf("  <internetDetails>");
    int to = REPORT.indexOf("  <lawEnforcement>");
    String xml = REPORT.substring(0, from) + REPORT.substring(to);

    assertProblem(onlyError(read(xml, ParseMode.STRICT)), "/report", 2, "internetDetails");
    assertThat(read(xml, ParseMode.TOLERANT).problems()).isEmpty();
  }

  @Test
  void unknownElementIsAnErrorInStrictAndKeptInTolerant() {
    String xml =
        replaceOnce(
            REPORT, "    <caseNumber>", "    <caseNote>seen twice</caseNote>\n    <caseNumber>");

    assertProblem(
        onlyError(read(xml, ParseMode.STRICT)),
        "/report/lawEnforcement/caseNote",
        lineOf(xml, "<caseNote>"),
        "unknown element <caseNote>");

    ParseResult.ReportParsed tolerant = (ParseResult.ReportParsed) read(xml, ParseMode.TOLERANT);
    assertThat(tolerant.report().unknownElements())
        .containsExactly(
            new org.tiptrace.tip.UnknownElement("/report/lawEnforcement/caseNote", "seen twice"));
    assertThat(tolerant.problems())
        .singleElement()
        .satisfies(w -> assertThat(w.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void missingRequiredReporterIsAnErrorInStrictOnly() {
    int from = REPORT.indexOf("  <reporter>");
    int to = REPORT.indexOf("  <personOrUserReported>");
    String xml = REPORT.substring(0, from) + REPORT.substring(to);

    assertProblem(
        onlyError(read(xml, ParseMode.STRICT)), "/report", 2, "missing required <reporter>");
    assertThat(read(xml, ParseMode.TOLERANT)).isInstanceOf(ParseResult.ReportParsed.class);
  }

  // ------------------------------------------------------------------ values (both modes)

  @Test
  void unknownIncidentTypeIsAnErrorInBothModes() {
    String xml =
        replaceOnce(
            REPORT,
            "Child Pornography (possession, manufacture, and distribution)",
            "Online Enticement of Children for Sexual Act");

    for (ParseMode mode : ParseMode.values()) {
      assertProblem(
          onlyError(read(xml, mode)),
          "/report/incidentSummary/incidentType",
          lineOf(xml, "<incidentType>"),
          "unknown incidentType 'Online Enticement of Children for Sexual Act'");
    }
  }

  @Test
  void invalidIpAddressIsAnErrorInBothModes() {
    String xml = replaceOnce(REPORT, "2001:db8:4a1:7700:1c2e:9bff:fe41:5d10", "2001:db8:4a1:zz::1");

    for (ParseMode mode : ParseMode.values()) {
      assertProblem(
          onlyError(read(xml, mode)),
          "/report/personOrUserReported/ipCaptureEvent[2]/ipAddress",
          lineOf(xml, "2001:db8:4a1:zz::1"),
          "not an IPv4 or IPv6 address");
    }
  }

  @Test
  void portOutsideRangeIsAnErrorInBothModes() {
    String xml = replaceOnce(REPORT, "<port>61022</port>", "<port>70000</port>");

    for (ParseMode mode : ParseMode.values()) {
      assertProblem(
          onlyError(read(xml, mode)),
          "/report/personOrUserReported/ipCaptureEvent[3]/port",
          lineOf(xml, "<port>70000"),
          "port 70000 is outside 0..65535");
    }
  }

  @Test
  void zonelessTimeIsAnErrorInStrict() {
    String xml =
        replaceOnce(REPORT, "2025-03-14T20:58:02Z</dateTime>", "2025-03-14T20:58:02</dateTime>");

    assertProblem(
        onlyError(read(xml, ParseMode.STRICT)),
        "/report/personOrUserReported/ipCaptureEvent[2]/dateTime",
        lineOf(xml, "2025-03-14T20:58:02<"),
        "has no zone");
  }

  @Test
  void zonelessTimeIsAWarningInTolerantAndKeptWithZoneUnknown() {
    String xml =
        replaceOnce(REPORT, "2025-03-14T20:58:02Z</dateTime>", "2025-03-14T20:58:02</dateTime>");

    ParseResult result = read(xml, ParseMode.TOLERANT);

    assertThat(result).isInstanceOf(ParseResult.ReportParsed.class);
    Problem w = result.problems().get(0);
    assertThat(result.problems()).hasSize(1);
    assertThat(w.severity()).isEqualTo(Severity.WARNING);
    assertProblem(
        w,
        "/report/personOrUserReported/ipCaptureEvent[2]/dateTime",
        lineOf(xml, "2025-03-14T20:58:02<"),
        "zone unknown");
    ReportedTime t =
        ((ParseResult.ReportParsed) result)
            .report()
            .reportedUsers()
            .get(0)
            .ipCaptureEvents()
            .get(1)
            .dateTime()
            .orElseThrow();
    assertThat(t.zoneKnown()).isFalse();
    assertThat(t.raw()).isEqualTo("2025-03-14T20:58:02");
  }

  @Test
  void unparseableDateIsAnErrorInBothModes() {
    String xml = replaceOnce(REPORT, "2025-03-10T18:30:12Z", "2025-02-30T18:30:12Z");

    for (ParseMode mode : ParseMode.values()) {
      assertProblem(
          onlyError(read(xml, mode)),
          "/report/personOrUserReported/associatedAccount/ipCaptureEvent/dateTime",
          lineOf(xml, "2025-02-30"),
          "not an xs:dateTime");
    }
  }

  @Test
  void nonBooleanBooleanIsAnErrorInBothModes() {
    String xml =
        replaceOnce(
            REPORT,
            "<compromisedAccount>false</compromisedAccount>",
            "<compromisedAccount>no</compromisedAccount>");

    for (ParseMode mode : ParseMode.values()) {
      assertProblem(
          onlyError(read(xml, mode)),
          "/report/personOrUserReported/compromisedAccount",
          lineOf(xml, "<compromisedAccount>"),
          "'no' is not a boolean");
    }
  }

  @Test
  void badAttributeValuesNameTheAttribute() {
    String xml =
        replaceOnce(
            REPORT,
            "<email type=\"Recovery\" verified=\"false\">",
            "<email type=\"Backup\" verified=\"false\">");

    assertProblem(
        onlyError(read(xml, ParseMode.TOLERANT)),
        "/report/personOrUserReported/personOrUserReportedPerson/email[2]/@type",
        lineOf(xml, "Backup"),
        "unknown emailType 'Backup'");
  }

  @Test
  void unknownCountryCodeIsAnErrorInBothModes() {
    String xml = replaceOnce(REPORT, "<country>US</country>", "<country>UK</country>");

    for (ParseMode mode : ParseMode.values()) {
      assertProblem(
          onlyError(read(xml, mode)),
          "/report/reporter/reportingPerson/address/country",
          lineOf(xml, "<country>UK"),
          "unknown country code 'UK'");
    }
  }
}
