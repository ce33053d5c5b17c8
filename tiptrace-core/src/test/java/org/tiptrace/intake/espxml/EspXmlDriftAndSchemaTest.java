package org.tiptrace.intake.espxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.intake.espxml.EspXmlBadInputTest.assertProblem;
import static org.tiptrace.intake.espxml.EspXmlBadInputTest.lineOf;
import static org.tiptrace.intake.espxml.EspXmlBadInputTest.onlyError;
import static org.tiptrace.intake.espxml.EspXmlBadInputTest.read;
import static org.tiptrace.intake.espxml.EspXmlBadInputTest.replaceOnce;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.intake.Severity;
import org.tiptrace.tip.ReportAnnotation;
import org.tiptrace.tip.TriState;
import org.tiptrace.tip.UnknownElement;

/** Reference §5 drift, §3.1 block differences and §5 enumeration sizes. */
class EspXmlDriftAndSchemaTest {
  private static final String REPORT = EspXmlFixtures.text(EspXmlFixtures.REPORT);

  @Test
  void documentedDriftIsAcceptedEvenInStrictMode() {
    String xml =
        replaceOnce(
            REPORT,
            "      <csamSolicitation/>\n",
            "      <csamSolicitation/>\n      <informational/>\n");
    // ageAssertionDiscrepancy sits between age and dateOfBirth
    xml =
        replaceOnce(
            xml,
            "        <country>US</country>\n      </address>\n",
            "        <country>US</country>\n      </address>\n"
                + "      <age>41</age>\n"
                + "      <ageAssertionDiscrepancy>false</ageAssertionDiscrepancy>\n"
                + "      <dateOfBirth>1984-01-31</dateOfBirth>\n");

    ParseResult result = read(xml, ParseMode.STRICT);

    assertThat(result).isInstanceOf(ParseResult.ReportParsed.class);
    assertThat(result.problems()).isEmpty();
    var report = ((ParseResult.ReportParsed) result).report();
    assertThat(report.incidentSummary().annotations())
        .containsExactly(ReportAnnotation.CSAM_SOLICITATION, ReportAnnotation.INFORMATIONAL);
    var person = report.reporter().orElseThrow().reportingPerson().orElseThrow();
    assertThat(person.ageAssertionDiscrepancy()).isEqualTo(TriState.FALSE);
  }

  @Test
  void driftWhereTheSchemaWinsIsUnknownContent() {
    // Nachtalb's accountType attribute on associatedAccount: the schema says type.
    String xml =
        replaceOnce(
            REPORT,
            "<associatedAccount type=\"Linked\">",
            "<associatedAccount type=\"Linked\" accountType=\"Linked\">");

    assertProblem(
        onlyError(read(xml, ParseMode.STRICT)),
        "/report/personOrUserReported/associatedAccount/@accountType",
        lineOf(xml, "accountType="),
        "unknown attribute 'accountType'");

    ParseResult tolerant = read(xml, ParseMode.TOLERANT);
    assertThat(tolerant.problems())
        .singleElement()
        .extracting(p -> p.severity())
        .isEqualTo(Severity.WARNING);
    assertThat(((ParseResult.ReportParsed) tolerant).report().unknownElements())
        .containsExactly(
            new UnknownElement(
                "/report/personOrUserReported/associatedAccount/@accountType", "Linked"));
  }

  @Test
  void childNotAllowedInThisUserBlockIsUnknown() {
    // schoolName belongs to victim only (reference §3.1 row 13)
    String xml =
        replaceOnce(
            REPORT,
            "    <priorCTReports>100000001</priorCTReports>\n",
            "    <schoolName>Example High</schoolName>\n"
                + "    <priorCTReports>100000001</priorCTReports>\n");

    assertProblem(
        onlyError(read(xml, ParseMode.STRICT)),
        "/report/personOrUserReported/schoolName",
        lineOf(xml, "<schoolName>"),
        "unknown element <schoolName> in <personOrUserReported>");
  }

  @Test
  void victimNeedsVictimPersonInStrict() {
    String xml =
        replaceOnce(
            REPORT,
            "  <additionalInfo>Synthetic example.",
            "  <victim>\n    <espIdentifier>100007777</espIdentifier>\n  </victim>\n"
                + "  <additionalInfo>Synthetic example.");

    assertProblem(
        onlyError(read(xml, ParseMode.STRICT)),
        "/report/victim",
        lineOf(xml, "<victim>"),
        "missing required <victimPerson>");
    assertThat(read(xml, ParseMode.TOLERANT).problems())
        .singleElement()
        .extracting(p -> p.severity())
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void repeatedElementsAreIndexedFromTheSecondOn() {
    String xml =
        replaceOnce(
            REPORT,
            "  <intendedRecipient>\n",
            "  <personOrUserReported>\n    <espIdentifier>1</espIdentifier>\n"
                + "    <ipCaptureEvent>\n      <ipAddress>192.0.2.999</ipAddress>\n"
                + "    </ipCaptureEvent>\n  </personOrUserReported>\n  <intendedRecipient>\n");

    assertProblem(
        onlyError(read(xml, ParseMode.TOLERANT)),
        "/report/personOrUserReported[2]/ipCaptureEvent/ipAddress",
        lineOf(xml, "192.0.2.999"),
        "not an IPv4 or IPv6 address");
  }

  @Test
  void enumerationSizesMatchTheReference() {
    // reference §5: country has 258 values in all, state 55 (both including the empty string)
    assertThat(EspXmlSchema.COUNTRIES).hasSize(258).contains("", "GB", "XK", "AN", "A1");
    assertThat(EspXmlSchema.COUNTRIES).doesNotContain("UK");
    assertThat(EspXmlSchema.US_STATES).hasSize(55).contains("", "DC", "GU", "PR", "VI");
  }

  @Test
  void userBlocksFollowTheReferenceTable() {
    assertThat(EspXmlSchema.VICTIM.indexOf("schoolName")).isNotNegative();
    assertThat(EspXmlSchema.VICTIM.indexOf("vehicleDescription")).isNegative();
    assertThat(EspXmlSchema.VICTIM.indexOf("groupIdentifier")).isNegative();
    assertThat(EspXmlSchema.INTENDED_RECIPIENT.indexOf("associatedAccount")).isNegative();
    assertThat(EspXmlSchema.INTENDED_RECIPIENT.indexOf("thirdPartyUserReported")).isNegative();
    assertThat(EspXmlSchema.PERSON_OR_USER_REPORTED.indexOf("schoolName")).isNegative();
    assertThat(EspXmlSchema.PERSON_OR_USER_REPORTED.indexOf("vehicleDescription"))
        .isLessThan(EspXmlSchema.PERSON_OR_USER_REPORTED.indexOf("espIdentifier"));
    // associatedAccount has its own order: espService before espIdentifier, profileUrl before
    // screenName (reference §2.8)
    assertThat(EspXmlSchema.ASSOCIATED_ACCOUNT.indexOf("espService"))
        .isLessThan(EspXmlSchema.ASSOCIATED_ACCOUNT.indexOf("espIdentifier"));
    assertThat(EspXmlSchema.ASSOCIATED_ACCOUNT.indexOf("profileUrl"))
        .isLessThan(EspXmlSchema.ASSOCIATED_ACCOUNT.indexOf("screenName"));
    assertThat(EspXmlSchema.PERSON_OR_USER_REPORTED.indexOf("espIdentifier"))
        .isLessThan(EspXmlSchema.PERSON_OR_USER_REPORTED.indexOf("espService"));
  }

  @Test
  void registryHandsXmlToThisReader() {
    RawDocument doc =
        new RawDocument(
            "tip.xml",
            EspXmlFixtures.bytes(EspXmlFixtures.UGLY),
            Instant.parse("2026-01-01T00:00:00Z"));

    ParseResult result =
        DocumentReaders.standard()
            .read(doc.name(), doc.bytes(), ParseMode.TOLERANT, IntakeLimits.DEFAULT);

    assertThat(result).isInstanceOf(ParseResult.ReportParsed.class);
  }
}
