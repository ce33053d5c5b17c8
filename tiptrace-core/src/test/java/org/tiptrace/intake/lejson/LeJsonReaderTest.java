package org.tiptrace.intake.lejson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.intake.lejson.LeJsonFixtures.REFERENCE;
import static org.tiptrace.intake.lejson.LeJsonFixtures.UGLY;
import static org.tiptrace.intake.lejson.LeJsonFixtures.bytes;
import static org.tiptrace.intake.lejson.LeJsonFixtures.errors;
import static org.tiptrace.intake.lejson.LeJsonFixtures.parsed;
import static org.tiptrace.intake.lejson.LeJsonFixtures.read;
import static org.tiptrace.intake.lejson.LeJsonFixtures.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;
import org.tiptrace.intake.Severity;
import org.tiptrace.tip.Address;
import org.tiptrace.tip.Email;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.FileMetadata;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.IncidentType;
import org.tiptrace.tip.IndustryClassification;
import org.tiptrace.tip.InternetDetail;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.IpCaptureType;
import org.tiptrace.tip.NameValue;
import org.tiptrace.tip.Person;
import org.tiptrace.tip.Phone;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.TriState;
import org.tiptrace.tip.UnknownElement;
import org.tiptrace.tip.UserRole;

class LeJsonReaderTest {

  @ParameterizedTest
  @EnumSource(ParseMode.class)
  void referenceExampleParsesWithoutProblemsInBothModes(ParseMode mode) {
    ParseResult result = read(bytes(REFERENCE), mode);
    assertThat(parsed(result)).isNotNull();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void referenceExampleReportLevelFields() {
    Report r = parsed(read(bytes(REFERENCE), ParseMode.STRICT));
    assertThat(r.format()).isEqualTo(SourceFormat.LE_JSON);
    assertThat(r.cybertipReportId()).contains("4815162");
    assertThat(r.dateReceived().orElseThrow().instant())
        .contains(Instant.parse("2025-03-14T21:15:02Z"));
    assertThat(r.reporter().orElseThrow().espName()).contains("Example Photos, Inc.");
    Person reportingPerson = r.reporter().orElseThrow().reportingPerson().orElseThrow();
    assertThat(reportingPerson.firstName()).contains("Morgan");
    assertThat(reportingPerson.lastName()).contains("Reporter");
    assertThat(r.incidentSummary().incidentType()).contains(IncidentType.CHILD_PORNOGRAPHY);
    assertThat(r.incidentSummary().incidentDateTime().orElseThrow().raw())
        .isEqualTo("2025-03-14T21:07:31Z");
    assertThat(r.incidentSummary().incidentDateTimeDescription())
        .contains("Time of the blocked upload, UTC.");
    assertThat(r.internetDetails())
        .containsExactly(
            new InternetDetail.WebPage(
                TriState.UNKNOWN,
                List.of("https://photos.example.com/u/river_fox_77/albums/5531"),
                Optional.of("Private album, never shared publicly.")));
    assertThat(r.additionalInfo())
        .containsExactly("Synthetic example. Every identifier is fictitious.");
    assertThat(r.victims()).isEmpty();
    assertThat(r.unknownElements()).isEmpty();
  }

  @Test
  void referenceExampleReportedPerson() {
    Report r = parsed(read(bytes(REFERENCE), ParseMode.STRICT));
    assertThat(r.reportedUsers()).hasSize(1);
    ReportedUser u = r.reportedUsers().getFirst();
    assertThat(u.role()).isEqualTo(UserRole.REPORTED);
    Person p = u.person().orElseThrow();
    assertThat(p.firstName()).contains("Riley");
    assertThat(p.middleName()).isEmpty();
    assertThat(p.lastName()).contains("Example");
    assertThat(p.age()).isEmpty();
    assertThat(p.emails())
        .containsExactly(
            new Email("river.fox77@example.net", Optional.empty(), TriState.TRUE, Optional.empty()),
            new Email(
                "rf77.backup@example.org", Optional.empty(), TriState.FALSE, Optional.empty()));
    assertThat(p.phones()).extracting(Phone::number).containsExactly("+12025550178");
    assertThat(p.phones()).extracting(Phone::verified).containsExactly(TriState.TRUE);
    assertThat(p.addresses()).isEmpty();
    assertThat(u.espIdentifier()).contains("100004417");
    assertThat(u.espService()).contains("Example Photos");
    assertThat(u.screenName()).contains("river_fox_77");
    assertThat(u.profileUrls()).containsExactly("https://photos.example.com/u/river_fox_77");
    assertThat(u.additionalInfo())
        .containsExactly("Account disabled after review; user not notified.");
    assertThat(u.otherFields()).isEmpty();
    assertThat(u.ipCaptureEvents())
        .containsExactly(
            new IpCaptureEvent(
                "198.51.100.23",
                Optional.empty(),
                Optional.of(IpCaptureType.REGISTRATION),
                Optional.of(org.tiptrace.tip.ReportedTime.parse("2024-11-02T10:11:47Z")),
                TriState.UNKNOWN,
                OptionalInt.of(50314)),
            new IpCaptureEvent(
                "2001:db8:4a1:7700:1c2e:9bff:fe41:5d10",
                Optional.empty(),
                Optional.of(IpCaptureType.LOGIN),
                Optional.of(org.tiptrace.tip.ReportedTime.parse("2025-03-14T20:58:02Z")),
                TriState.UNKNOWN,
                OptionalInt.empty()));
  }

  @Test
  void referenceExampleIntendedRecipientWithMissingKeys() {
    Report r = parsed(read(bytes(REFERENCE), ParseMode.STRICT));
    assertThat(r.intendedRecipients()).hasSize(1);
    ReportedUser u = r.intendedRecipients().getFirst();
    assertThat(u.role()).isEqualTo(UserRole.INTENDED_RECIPIENT);
    assertThat(u.person()).isEmpty();
    assertThat(u.espIdentifier()).contains("100009921");
    assertThat(u.screenName()).contains("lake_owl_12");
    assertThat(u.ipCaptureEvents()).hasSize(1);
    assertThat(u.ipCaptureEvents().getFirst().ipAddress()).isEqualTo("192.0.2.145");
    assertThat(u.ipCaptureEvents().getFirst().port()).hasValue(40122);
  }

  @Test
  void upperCaseUploadEventMapsToTheUploadEnum() {
    Report r = parsed(read(bytes(REFERENCE), ParseMode.STRICT));
    IpCaptureEvent upload = r.files().getFirst().ipCaptureEvents().getFirst();
    assertThat(upload.eventName()).contains(IpCaptureType.UPLOAD);
    assertThat(upload.ipAddress()).isEqualTo("203.0.113.77");
    assertThat(upload.port()).hasValue(61022);
    assertThat(upload.dateTime().orElseThrow().instant())
        .contains(Instant.parse("2025-03-14T21:07:31Z"));
  }

  @Test
  void referenceExampleFiles() {
    Report r = parsed(read(bytes(REFERENCE), ParseMode.STRICT));
    assertThat(r.files()).hasSize(2);
    ReportedFile f1 = r.files().get(0);
    assertThat(f1.fileName()).contains("upload_5531_0007.jpg");
    assertThat(f1.originalFileName()).contains("IMG_20250314_210410.jpg");
    assertThat(f1.fileId()).isEmpty();
    assertThat(f1.hashes())
        .containsExactly(
            new FileHash(
                HashAlgorithm.MD5,
                "verificationHash",
                "1a79a4d60de6718e8e5b326e338ae533",
                HashOrigin.NCMEC_RECEIVED));
    assertThat(f1.fileViewedByEsp()).isEqualTo(TriState.TRUE);
    assertThat(f1.exifViewedByEsp()).isEqualTo(TriState.UNKNOWN);
    assertThat(f1.publiclyAvailable()).isEqualTo(TriState.UNKNOWN);
    assertThat(f1.industryClassification()).isEmpty();
    assertThat(f1.ncmecTags()).isEmpty();
    assertThat(f1.details())
        .containsExactly(
            new FileMetadata(Optional.empty(), List.of(new NameValue("Make", "ExampleCam"))));
    assertThat(f1.additionalInfo())
        .containsExactly("Flagged by an upload classifier and reviewed by a trained analyst.");
  }

  @Test
  void secondFileWithNullViewedByEspIsUnknownAndHasNoCaptures() {
    Report r = parsed(read(bytes(REFERENCE), ParseMode.STRICT));
    ReportedFile f2 = r.files().get(1);
    assertThat(f2.fileViewedByEsp()).isEqualTo(TriState.UNKNOWN);
    assertThat(f2.originalFileName()).isEmpty();
    assertThat(f2.ipCaptureEvents()).isEmpty();
    assertThat(f2.additionalInfo()).isEmpty();
    assertThat(f2.hashes()).extracting(FileHash::value).containsExactly("0".repeat(32));
  }

  /**
   * Missing keys, explicit nulls, empty strings and "N/A" must all give the same model: the fixture
   * is rewritten each way, generically, and every form compared with the original.
   */
  @Test
  void missingNullEmptyAndNotApplicableGiveIdenticalModels() {
    Report original = parsed(read(bytes(REFERENCE), ParseMode.STRICT));
    JsonNode fixture = LeJsonFixtures.tree(text(REFERENCE));
    Map<String, UnaryOperator<JsonNode>> forms =
        Map.of(
            "nulls removed", n -> null,
            "nulls as empty strings", n -> TextNode.valueOf(""),
            "nulls as N/A", n -> TextNode.valueOf("N/A"),
            "nulls as empty lists", n -> LeJsonFixtures.JSON.createArrayNode());
    for (Map.Entry<String, UnaryOperator<JsonNode>> form : forms.entrySet()) {
      JsonNode rewritten = replaceNulls(fixture.deepCopy(), form.getValue());
      assertThat(rewritten.toString()).doesNotContain("null");
      ParseResult result = read(rewritten.toString(), ParseMode.STRICT);
      assertThat(parsed(result)).as(form.getKey()).isEqualTo(original);
    }
    // And the other way: every absent key of the recipient written as an explicit null.
    ObjectNode withNulls = (ObjectNode) fixture.deepCopy();
    ObjectNode recipient =
        (ObjectNode) withNulls.at("/reportedInformation/intendedRecipients/intendedRecipients/0");
    for (String key :
        List.of("firstName", "middleName", "lastName", "emails", "phones", "addresses")) {
      recipient.putNull(key);
    }
    assertThat(parsed(read(withNulls.toString(), ParseMode.STRICT))).isEqualTo(original);
  }

  /** Replaces (or with a null result removes) every null value, in objects and arrays. */
  private static JsonNode replaceNulls(JsonNode node, UnaryOperator<JsonNode> with) {
    if (node instanceof ObjectNode obj) {
      for (String key : obj.properties().stream().map(Map.Entry::getKey).toList()) {
        JsonNode child = obj.get(key);
        if (child.isNull()) {
          JsonNode replacement = with.apply(child);
          if (replacement == null) {
            obj.remove(key);
          } else {
            obj.set(key, replacement);
          }
        } else {
          replaceNulls(child, with);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(child -> replaceNulls(child, with));
    }
    return node;
  }

  @Test
  void uglyFixtureIsAcceptedWhenTolerant() {
    ParseResult result = read(bytes(UGLY), ParseMode.TOLERANT);
    Report r = parsed(result);

    assertThat(r.cybertipReportId()).contains("4815163");
    assertThat(r.dateReceived().orElseThrow().zoneKnown()).isFalse();
    assertThat(r.reporter().orElseThrow().espName()).contains("Example Chat, LLC");
    assertThat(r.reporter().orElseThrow().reportingPerson()).as("N/A and empty names").isEmpty();
    assertThat(r.incidentSummary().incidentType()).contains(IncidentType.ONLINE_ENTICEMENT);
    assertThat(r.incidentSummary().incidentDateTime().orElseThrow().instant())
        .contains(Instant.parse("2025-03-15T07:12:00.250Z"));
    assertThat(r.incidentSummary().incidentDateTimeDescription()).isEmpty();
    assertThat(r.internetDetails())
        .containsExactly(
            new InternetDetail.EmailIncident(
                List.of(), Optional.of("From: zoë@example.com\nSubject: hello"), Optional.empty()));
    assertThat(r.intendedRecipients()).isEmpty();
    assertThat(r.additionalInfo()).isEmpty();

    ReportedUser u = r.reportedUsers().getFirst();
    Person p = u.person().orElseThrow();
    assertThat(p.firstName()).contains("Sam");
    assertThat(p.middleName()).isEmpty();
    assertThat(p.lastName()).isEmpty();
    assertThat(p.age()).isEmpty();
    assertThat(p.emails()).containsExactly(Email.of("sam@example.com"));
    assertThat(p.phones()).isEmpty();
    assertThat(p.addresses())
        .containsExactly(
            new Address(
                Optional.empty(),
                List.of("1 Example Way"),
                Optional.of("Springfield"),
                Optional.of("20001"),
                Optional.empty(),
                Optional.empty(),
                Optional.of("US")));
    assertThat(u.espService()).isEmpty();
    assertThat(u.ipCaptureEvents())
        .containsExactly(
            new IpCaptureEvent(
                "2001:db8::1",
                Optional.of("2001:DB8:0:0:0:0:0:1"),
                Optional.of(IpCaptureType.LOGIN),
                Optional.of(org.tiptrace.tip.ReportedTime.parse("2025-03-15T07:00:00Z")),
                TriState.UNKNOWN,
                OptionalInt.of(443)),
            new IpCaptureEvent(
                "203.0.113.9",
                Optional.empty(),
                Optional.of(IpCaptureType.UPLOAD),
                Optional.of(org.tiptrace.tip.ReportedTime.parse("2025-03-15T08:05:00+01:00")),
                TriState.UNKNOWN,
                OptionalInt.empty()));
    assertThat(u.ipCaptureEvents().get(1).dateTime().orElseThrow().offset())
        .contains(ZoneOffset.ofHours(1));
    assertThat(u.otherFields())
        .containsExactly(
            new NameValue("URL", "https://chat.example.com/u/sam"),
            new NameValue("Device ID", "example-device-1"),
            new NameValue("approximateAge", "16-17"),
            new NameValue("convictedSexOffender", "false"),
            new NameValue("languages", "English"));

    ReportedFile f = r.files().getFirst();
    assertThat(f.fileId()).contains("987654");
    assertThat(f.hashes())
        .extracting(FileHash::value)
        .containsExactly("1a79a4d60de6718e8e5b326e338ae533");
    assertThat(f.fileViewedByEsp()).isEqualTo(TriState.FALSE);
    assertThat(f.industryClassification()).contains(IndustryClassification.B2);
    assertThat(f.ncmecTags()).containsExactly("Hash match");
    assertThat(f.details())
        .containsExactly(
            new FileMetadata(Optional.empty(), List.of(new NameValue("Width", "640"))));
    assertThat(f.ipCaptureEvents()).hasSize(1);
    IpCaptureEvent upload = f.ipCaptureEvents().getFirst();
    assertThat(upload.ipAddress()).as("IPv4-mapped becomes IPv4").isEqualTo("198.51.100.4");
    assertThat(upload.rawIpAddress()).contains("::FFFF:198.51.100.4");
    assertThat(upload.port()).hasValue(0);
    assertThat(upload.eventName()).contains(IpCaptureType.UPLOAD);
    assertThat(f.additionalInfo()).isEmpty();

    assertThat(r.unknownElements())
        .containsExactly(
            new UnknownElement("/exportVersion", "\"2.1\""),
            new UnknownElement(
                "/reportedInformation/reportingEsp/espSupportUrl",
                "\"https://support.example.com/le\""),
            new UnknownElement(
                "/reportedInformation/incidentDetails/chatIncident", "[{\"roomName\":\"lobby\"}]"),
            new UnknownElement(
                "/reportedInformation/reportedPeople/reportedPersons/0/riskScore", "0.93"),
            new UnknownElement(
                "/reportedInformation/uploadedFiles/uploadedFiles/0/thumbnailRef", "{\"id\":3}"));

    assertThat(result.problems()).allMatch(pr -> pr.severity() == Severity.WARNING);
    assertThat(result.problems())
        .extracting(Problem::path)
        .contains(
            "/dateReceived",
            "/exportVersion",
            "/reportedInformation/reportedPeople/reportedPersons/0/addresses/addresses/0/postalCode",
            "/reportedInformation/uploadedFiles/uploadedFiles/0/submittalId",
            "/reportedInformation/uploadedFiles/uploadedFiles/0/thumbnailRef");
    Problem zoneless =
        result.problems().stream()
            .filter(pr -> pr.path().equals("/dateReceived"))
            .findFirst()
            .get();
    assertThat(zoneless.reason()).contains("no zone");
    // Line 3 of the CRLF file, after the BOM: columns count characters, not bytes.
    assertThat(zoneless.line()).hasValue(3);
    assertThat(zoneless.column()).hasValue(18);
    assertThat(result.problems()).allMatch(pr -> pr.source().equals("test.json"));
  }

  @Test
  void uglyFixtureIsRejectedWhenStrict() {
    List<Problem> errors = errors(read(bytes(UGLY), ParseMode.STRICT));
    assertThat(errors)
        .extracting(Problem::path)
        .contains(
            "/dateReceived",
            "/exportVersion",
            "/reportedInformation/reportingEsp/espSupportUrl",
            "/reportedInformation/incidentDetails/chatIncident",
            "/reportedInformation/uploadedFiles/uploadedFiles/0/submittalId");
    assertThat(errors)
        .filteredOn(e -> e.path().equals("/exportVersion"))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("unknown key 'exportVersion'"));
  }

  @Test
  void victimsAreReadLikeTheOtherUserBlocks() {
    String json =
        """
        { "reportId": 1, "reportedInformation": { "victims": { "victims": [
          { "firstName": "Alex", "approximateAge": 14, "screenName": { "value": "alex_example" } } ] } } }
        """;
    Report r = parsed(read(json, ParseMode.STRICT));
    assertThat(r.victims()).hasSize(1);
    ReportedUser v = r.victims().getFirst();
    assertThat(v.role()).isEqualTo(UserRole.VICTIM);
    assertThat(v.person().orElseThrow().age()).hasValue(14);
    assertThat(v.screenName()).contains("alex_example");
  }

  @Test
  void documentReadersDispatchJsonToThisReader() {
    ParseResult result =
        DocumentReaders.standard()
            .read("tip.json", bytes(UGLY), ParseMode.TOLERANT, IntakeLimits.DEFAULT);
    assertThat(parsed(result).cybertipReportId()).contains("4815163");
  }
}
