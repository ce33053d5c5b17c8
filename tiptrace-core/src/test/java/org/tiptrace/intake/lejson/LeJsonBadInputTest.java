package org.tiptrace.intake.lejson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.intake.lejson.LeJsonFixtures.REFERENCE;
import static org.tiptrace.intake.lejson.LeJsonFixtures.errors;
import static org.tiptrace.intake.lejson.LeJsonFixtures.lineAndColumn;
import static org.tiptrace.intake.lejson.LeJsonFixtures.parsed;
import static org.tiptrace.intake.lejson.LeJsonFixtures.read;
import static org.tiptrace.intake.lejson.LeJsonFixtures.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;
import org.tiptrace.intake.Severity;

/**
 * Bad documents: each must be rejected (or warned about) without an exception, with the JSON
 * pointer, a reason naming what is wrong and, where the value exists, its line and column.
 */
class LeJsonBadInputTest {
  private static final String FILE0 = "/reportedInformation/uploadedFiles/uploadedFiles/0";
  private static final String FILE1 = "/reportedInformation/uploadedFiles/uploadedFiles/1";
  private static final String PERSON0 = "/reportedInformation/reportedPeople/reportedPersons/0";
  private static final String CAPTURE0 = PERSON0 + "/sourceInformation/sourceCaptures/0";

  /** The reference fixture with one literal replaced (the original must occur exactly once). */
  private static String fixtureWith(String original, String replacement) {
    String text = text(REFERENCE);
    assertThat(text.indexOf(original))
        .as("'%s' occurs once", original)
        .isNotNegative()
        .isEqualTo(text.lastIndexOf(original));
    return text.replace(original, replacement);
  }

  /** The single error; its pointer, reason and location (at {@code needle} in {@code doc}). */
  private static Problem assertOneError(
      String doc, ParseMode mode, String pointer, String reason, String needle) {
    List<Problem> errors = errors(read(doc, mode));
    assertThat(errors).as(LeJsonFixtures.messages(errors).toString()).hasSize(1);
    Problem e = errors.getFirst();
    assertThat(e.source()).isEqualTo("test.json");
    assertThat(e.path()).isEqualTo(pointer);
    assertThat(e.reason()).contains(reason);
    if (needle != null) {
      int[] at = lineAndColumn(doc, needle);
      assertThat(e.line()).as("line").hasValue(at[0]);
      assertThat(e.column()).as("column").hasValue(at[1]);
    }
    return e;
  }

  @Test
  void truncatedDocumentNamesTheObjectBeingRead() {
    String full = text(REFERENCE);
    String cut = full.substring(0, full.indexOf("\"viewedByEsp\": true,") + 20);
    List<Problem> errors = errors(read(cut, ParseMode.TOLERANT));
    assertThat(errors).hasSize(1);
    Problem e = errors.getFirst();
    assertThat(e.path()).isEqualTo(FILE0);
    assertThat(e.reason()).containsIgnoringCase("end-of-input");
    assertThat(e.line()).hasValue(lineAndColumn(full, "\"viewedByEsp\": true,")[0]);
  }

  @Test
  void objectGivenAsString() {
    String doc =
        fixtureWith(
            "\"reportingEsp\": { \"espName\": \"Example Photos, Inc.\", \"firstName\": \"Morgan\","
                + " \"lastName\": \"Reporter\" }",
            "\"reportingEsp\": \"Example Photos, Inc.\"");
    assertOneError(
        doc,
        ParseMode.TOLERANT,
        "/reportedInformation/reportingEsp",
        "expected an object, found a string 'Example Photos, Inc.'",
        "\"Example Photos, Inc.\"");
  }

  @Test
  void viewedByEspAsYes() {
    String doc = fixtureWith("\"viewedByEsp\": null", "\"viewedByEsp\": \"yes\"");
    assertOneError(
        doc,
        ParseMode.TOLERANT,
        FILE1 + "/viewedByEsp",
        "expected true, false or null, found a string 'yes'",
        "\"yes\"");
  }

  @Test
  void numberWhereBooleanIsExpected() {
    String doc =
        fixtureWith(
            "\"value\": \"+12025550178\", \"verified\": true",
            "\"value\": \"+12025550178\", \"verified\": 1");
    assertOneError(
        doc,
        ParseMode.TOLERANT,
        PERSON0 + "/phones/phones/0/verified",
        "expected true, false or null, found a number 1",
        "1 } ] }");
  }

  @Test
  void portAsText() {
    String doc = fixtureWith("\"port\": 50314", "\"port\": \"abc\"");
    assertOneError(
        doc,
        ParseMode.TOLERANT,
        CAPTURE0 + "/port",
        "expected a whole number (a port), found a string 'abc'",
        "\"abc\"");
  }

  @Test
  void portOutOfRange() {
    String doc = fixtureWith("\"port\": 50314", "\"port\": 70000");
    assertOneError(
        doc, ParseMode.TOLERANT, CAPTURE0 + "/port", "a port must be 0..65535, was 70000", "70000");
  }

  @Test
  void emailsAsObjectInsteadOfList() {
    String doc =
        fixtureWith(
            "\"emails\": { \"emails\": [ { \"value\": \"river.fox77@example.net\", \"verified\":"
                + " true },",
            "\"emails\": { \"emails\": { \"value\": \"river.fox77@example.net\", \"verified\":"
                + " true }, \"x\": [");
    // The replacement keeps the JSON valid: "emails" now holds an object, "x" the old rest.
    List<Problem> errors = errors(read(doc, ParseMode.STRICT));
    assertThat(errors)
        .extracting(Problem::path)
        .containsExactly(PERSON0 + "/emails/emails", PERSON0 + "/emails/x");
    assertThat(errors.getFirst().reason()).contains("expected an array, found an object");
    assertThat(errors.getFirst().line())
        .hasValue(lineAndColumn(doc, "{ \"value\": \"river.fox77")[0]);
  }

  @Test
  void emailsWrapperGivenAsList() {
    String doc =
        fixtureWith(
            "\"emails\": { \"emails\": [ { \"value\": \"river.fox77@example.net\", \"verified\":"
                + " true },\n"
                + "                                { \"value\": \"rf77.backup@example.org\","
                + " \"verified\": false } ] },",
            "\"emails\": [ { \"value\": \"river.fox77@example.net\" } ],");
    assertOneError(
        doc,
        ParseMode.TOLERANT,
        PERSON0 + "/emails",
        "expected an object, found an array",
        "[ { \"value\": \"river.fox77");
  }

  @Test
  void invalidIpAddress() {
    String doc = fixtureWith("\"198.51.100.23\"", "\"198.51.100.300\"");
    assertOneError(
        doc,
        ParseMode.TOLERANT,
        CAPTURE0 + "/value",
        "not an IPv4 or IPv6 address: '198.51.100.300'",
        "\"198.51.100.300\"");
  }

  @Test
  void zonelessTimeIsAnErrorWhenStrict() {
    String doc = fixtureWith("\"2024-11-02T10:11:47Z\"", "\"2024-11-02T10:11:47\"");
    assertOneError(
        doc, ParseMode.STRICT, CAPTURE0 + "/dateTime", "has no zone", "\"2024-11-02T10:11:47\"");
  }

  @Test
  void zonelessTimeIsKeptWithAWarningWhenTolerant() {
    String doc = fixtureWith("\"2024-11-02T10:11:47Z\"", "\"2024-11-02T10:11:47\"");
    ParseResult result = read(doc, ParseMode.TOLERANT);
    var event = parsed(result).reportedUsers().getFirst().ipCaptureEvents().getFirst();
    assertThat(event.dateTime().orElseThrow().zoneKnown()).isFalse();
    assertThat(event.dateTime().orElseThrow().raw()).isEqualTo("2024-11-02T10:11:47");
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.severity()).isEqualTo(Severity.WARNING);
              assertThat(w.path()).isEqualTo(CAPTURE0 + "/dateTime");
              assertThat(w.reason()).contains("zone unknown");
              assertThat(w.line()).hasValue(lineAndColumn(doc, "\"2024-11-02T10:11:47\"")[0]);
            });
  }

  @ParameterizedTest
  @EnumSource(ParseMode.class)
  void unparseableDate(ParseMode mode) {
    String doc = fixtureWith("\"2025-03-14T21:15:02Z\"", "\"14/03/2025 21:15\"");
    assertOneError(doc, mode, "/dateReceived", "not a date-time", "\"14/03/2025 21:15\"");
  }

  @ParameterizedTest
  @EnumSource(ParseMode.class)
  void unknownIncidentType(ParseMode mode) {
    String doc =
        fixtureWith(
            "\"Child Pornography (possession, manufacture, and distribution)\"",
            "\"Online Enticement of Children for Sexual Act\"");
    assertOneError(
        doc,
        mode,
        "/reportedInformation/incidentSummary/incidentType",
        "unknown incidentType 'Online Enticement of Children for Sexual Act'",
        "\"Online Enticement of Children for Sexual Act\"");
  }

  @ParameterizedTest
  @EnumSource(ParseMode.class)
  void unknownEventName(ParseMode mode) {
    String doc = fixtureWith("\"eventName\": \"Registration\"", "\"eventName\": \"Logout\"");
    assertOneError(doc, mode, CAPTURE0 + "/eventName", "unknown eventName 'Logout'", "\"Logout\"");
  }

  @Test
  void unknownIndustryClassification() {
    String doc =
        fixtureWith("\"industryClassification\": null", "\"industryClassification\": \"C1\"");
    assertOneError(doc, ParseMode.TOLERANT, FILE0 + "/industryClassification", "'C1'", "\"C1\"");
  }

  @Test
  void malformedVerificationHash() {
    String doc = fixtureWith("\"00000000000000000000000000000000\"", "\"not-a-hash\"");
    assertOneError(
        doc, ParseMode.TOLERANT, FILE1 + "/verificationHash", "not an MD5", "\"not-a-hash\"");
  }

  @Test
  void unknownKeyIsAnErrorWhenStrictAndAWarningWhenTolerant() {
    String doc = fixtureWith("\"filename\": \"upload_5531_0008.jpg\",", "\"fileName\": \"x\",");
    assertOneError(doc, ParseMode.STRICT, FILE1 + "/fileName", "unknown key 'fileName'", "\"x\"");
    ParseResult tolerant = read(doc, ParseMode.TOLERANT);
    assertThat(parsed(tolerant).unknownElements())
        .singleElement()
        .satisfies(u -> assertThat(u.path()).isEqualTo(FILE1 + "/fileName"));
    assertThat(tolerant.problems())
        .singleElement()
        .satisfies(w -> assertThat(w.isError()).isFalse());
  }

  @Test
  void captureWithoutAddressButWithAPortIsNotDroppedSilently() {
    String doc = fixtureWith("\"value\": \"192.0.2.145\", ", "");
    assertOneError(
        doc,
        ParseMode.STRICT,
        "/reportedInformation/intendedRecipients/intendedRecipients/0"
            + "/sourceInformation/sourceCaptures/0/value",
        "value is missing",
        null);
    ParseResult tolerant = read(doc, ParseMode.TOLERANT);
    assertThat(parsed(tolerant).unknownElements()).hasSize(1);
    assertThat(tolerant.problems()).hasSize(1);
  }

  @Test
  void invalidUtf8NamesLineColumnAndPointer() {
    String doc = text(REFERENCE);
    int at = doc.indexOf("Reporter");
    byte[] head = doc.substring(0, at).getBytes(StandardCharsets.UTF_8);
    byte[] tail = doc.substring(at).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head);
    out.write(0xC3); // a lead byte followed by an ASCII byte: malformed
    out.writeBytes(tail);
    List<Problem> errors = errors(read(out.toByteArray(), ParseMode.TOLERANT));
    assertThat(errors).hasSize(1);
    Problem e = errors.getFirst();
    assertThat(e.reason()).contains("invalid UTF-8").contains("0xc3");
    int[] lc = lineAndColumn(doc, "Reporter");
    assertThat(e.line()).hasValue(lc[0]);
    assertThat(e.column()).hasValue(lc[1]);
    assertThat(e.path()).isEqualTo("/reportedInformation/reportingEsp/lastName");
  }

  @Test
  void nestingDeeperThanTheLimit() {
    StringBuilder sb = new StringBuilder("{\"reportedInformation\": ");
    int depth = IntakeLimits.DEFAULT.maxDepth() + 5;
    sb.append("{\"deep\": ".repeat(depth)).append("1").append("}".repeat(depth)).append("}");
    List<Problem> errors = errors(read(sb.toString(), ParseMode.TOLERANT));
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reason()).contains("nesting is deeper than the intake limit of 64");
              assertThat(e.path()).startsWith("/reportedInformation/deep/deep/");
              assertThat(e.line()).hasValue(1);
            });
  }

  @Test
  void textLongerThanTheLimit() {
    IntakeLimits limits = new IntakeLimits(1 << 20, 64, 1024);
    String doc =
        fixtureWith(
            "\"Synthetic example. Every identifier is fictitious.\"",
            "\"" + "x".repeat(2000) + "\"");
    ParseResult result = read(doc.getBytes(StandardCharsets.UTF_8), ParseMode.TOLERANT, limits);
    assertThat(errors(result))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reason()).contains("longer than the intake limit of 1024 characters");
              assertThat(e.path()).isEqualTo("/reportedInformation/additionalInformations/0/value");
            });
  }

  @Test
  void documentLargerThanTheLimit() {
    IntakeLimits limits = new IntakeLimits(100, 64, 1024);
    ParseResult result =
        read(text(REFERENCE).getBytes(StandardCharsets.UTF_8), ParseMode.TOLERANT, limits);
    assertThat(errors(result))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("limit is 100 bytes"));
  }

  @Test
  void topLevelArray() {
    assertOneError("[ { \"reportId\": 1 } ]", ParseMode.TOLERANT, "", "must be a JSON object", "[");
  }

  @Test
  void emptyDocuments() {
    for (byte[] doc :
        List.of(
            new byte[0],
            " \n\t ".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
      assertThat(errors(read(doc, ParseMode.TOLERANT)))
          .singleElement()
          .satisfies(e -> assertThat(e.reason()).isEqualTo("document is empty"));
    }
  }

  @Test
  void contentAfterTheReport() {
    assertOneError(
        "{ \"reportId\": 1 }\n{ \"reportId\": 2 }",
        ParseMode.TOLERANT,
        "",
        "content after the end of the top-level object",
        "{ \"reportId\": 2");
  }

  @Test
  void duplicateKey() {
    assertOneError(
        "{ \"reportId\": 1,\n  \"reportId\": 2 }",
        ParseMode.TOLERANT,
        "/reportId",
        "duplicate key 'reportId'",
        "\"reportId\": 2");
  }

  @Test
  void syntaxErrorInsideAList() {
    String doc = fixtureWith("\"port\": 40122,", "\"port\": 40122,,");
    Problem e = errors(read(doc, ParseMode.TOLERANT)).getFirst();
    assertThat(e.reason()).startsWith("malformed JSON");
    assertThat(e.path())
        .isEqualTo(
            "/reportedInformation/intendedRecipients/intendedRecipients/0"
                + "/sourceInformation/sourceCaptures/0");
    assertThat(e.line()).hasValue(lineAndColumn(doc, ",,")[0]);
  }

  @Test
  void missingReportedInformationIsAWarningWhenTolerantAndAnErrorWhenStrict() {
    String doc = "{ \"reportId\": 7 }";
    ParseResult tolerant = read(doc, ParseMode.TOLERANT);
    assertThat(parsed(tolerant).cybertipReportId()).contains("7");
    assertThat(tolerant.problems())
        .singleElement()
        .satisfies(w -> assertThat(w.isError()).isFalse());
    assertOneError(doc, ParseMode.STRICT, "/reportedInformation", "no reportedInformation", null);
  }

  @Test
  void ageOutOfRangeAlsoWhenWrittenAsText() {
    String doc = fixtureWith("\"approximateAge\": null", "\"approximateAge\": \"200\"");
    assertOneError(
        doc, ParseMode.TOLERANT, PERSON0 + "/approximateAge", "an age must be 0..150", "\"200\"");
  }

  @Test
  void unknownIncidentKindIsNamedAsSuch() {
    String doc = fixtureWith("\"webpageIncident\": [", "\"newsgroupIncident\": [");
    assertOneError(
        doc,
        ParseMode.STRICT,
        "/reportedInformation/incidentDetails/newsgroupIncident",
        "unknown incident kind 'newsgroupIncident'",
        "[\n        {\n          \"sourceInformation\": { \"sourceCaptures\": [\n            { \"captureType\": \"URL\"");
  }

  @Test
  void fractionalReportIdIsAnError() {
    assertOneError(
        "{ \"reportId\": 12.5 }",
        ParseMode.TOLERANT,
        "/reportId",
        "expected a whole number or a string",
        "12.5");
  }
}
