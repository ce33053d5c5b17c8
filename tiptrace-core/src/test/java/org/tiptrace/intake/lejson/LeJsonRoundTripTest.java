package org.tiptrace.intake.lejson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.intake.lejson.LeJsonFixtures.REFERENCE;
import static org.tiptrace.intake.lejson.LeJsonFixtures.UGLY;
import static org.tiptrace.intake.lejson.LeJsonFixtures.bytes;
import static org.tiptrace.intake.lejson.LeJsonFixtures.parsed;
import static org.tiptrace.intake.lejson.LeJsonFixtures.read;
import static org.tiptrace.intake.lejson.LeJsonFixtures.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.ip.IpAddresses;
import org.tiptrace.tip.Address;
import org.tiptrace.tip.Email;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.FileMetadata;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.IncidentSummary;
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
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Reporter;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.TriState;
import org.tiptrace.tip.UserRole;
import org.tiptrace.tip.WireValue;

/**
 * Acceptance: nothing the LE JSON says is lost on the way to the canonical model, and the writer
 * produces documents that read back to the same model.
 *
 * <p>The scalar rule: walk the fixture generically; every string, number and boolean that is
 * provided (not null, blank or N/A) must appear among the scalars of {@code TipJson.write(report)},
 * counted as a multiset, in its normalised form:
 *
 * <ul>
 *   <li>{@code eventName}, {@code incidentType}, {@code industryClassification}: the enum constant
 *       the wire value maps to ({@code UPLOAD}, {@code Registration} → {@code REGISTRATION});
 *   <li>the {@code value} of an {@code IP Address} capture: its canonical text;
 *   <li>{@code verificationHash}: lower case; booleans: the tri-state {@code TRUE}/{@code FALSE};
 *   <li>numbers: their decimal text (a numeric {@code reportId} appears as a string);
 *   <li>{@code captureType} is structure, not data: it chooses the model field and is skipped.
 * </ul>
 *
 * Counting (not mere presence) keeps the check able to fail: the model is full of {@code UNKNOWN}
 * and a lost {@code true} would otherwise hide behind another one.
 */
class LeJsonRoundTripTest {

  // ----------------------------------------------------------- scalar check

  @Test
  void everyFixtureScalarAppearsInTheCanonicalJson() {
    JsonNode fixture = LeJsonFixtures.tree(text(REFERENCE));
    Report report = parsed(read(bytes(REFERENCE), ParseMode.STRICT));
    Map<String, Integer> expected = expectedScalars(fixture);
    assertThat(expected).as("the walk found the fixture's values").hasSizeGreaterThan(40);
    assertThat(missing(expected, report)).isEmpty();
  }

  /** The check must notice a single lost value, whatever its type. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "boolean lost    | \"viewedByEsp\": true,       | \"viewedByEsp\": null,      | TRUE",
        "number lost     | \"port\": 50314,             | \"port\": null,             | 50314",
        "enum changed    | \"eventName\": \"UPLOAD\"    | \"eventName\": \"Login\"    | UPLOAD",
        "text lost       | \"espService\": \"Example Photos\" | \"espService\": null  | Example Photos",
      })
  void theScalarCheckFailsWhenAValueIsLost(
      String name, String original, String mutated, String reported) {
    JsonNode fixture = LeJsonFixtures.tree(text(REFERENCE));
    String mutatedDoc = text(REFERENCE).replace(original, mutated);
    assertThat(mutatedDoc).isNotEqualTo(text(REFERENCE));
    Report lossy = parsed(read(mutatedDoc, ParseMode.STRICT));
    assertThat(missing(expectedScalars(fixture), lossy)).contains(reported);
  }

  private static Map<String, Integer> expectedScalars(JsonNode fixture) {
    Map<String, Integer> out = new TreeMap<>();
    walkFixture(fixture, "", null, out);
    return out;
  }

  private static void walkFixture(
      JsonNode node, String key, JsonNode parent, Map<String, Integer> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!e.getKey().equals("captureType")) {
          walkFixture(e.getValue(), e.getKey(), node, out);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> walkFixture(child, key, parent, out));
    } else if (node.isTextual() && !ReportMapping.isAbsent(node)) {
      out.merge(normalise(key, node.textValue(), parent), 1, Integer::sum);
    } else if (node.isNumber()) {
      out.merge(node.asText(), 1, Integer::sum);
    } else if (node.isBoolean()) {
      out.merge(node.booleanValue() ? "TRUE" : "FALSE", 1, Integer::sum);
    }
  }

  private static String normalise(String key, String text, JsonNode parent) {
    return switch (key) {
      case "eventName" ->
          WireValue.parseIgnoringCase(IpCaptureType.class, text).orElseThrow().name();
      case "incidentType" -> WireValue.parse(IncidentType.class, text).orElseThrow().name();
      case "industryClassification" ->
          WireValue.parse(IndustryClassification.class, text).orElseThrow().name();
      case "verificationHash" -> text.toLowerCase(Locale.ROOT);
      case "value" ->
          parent.path("captureType").asText().equals("IP Address")
              ? IpAddresses.canonical(text).orElseThrow()
              : text;
      default -> text;
    };
  }

  /** The expected scalars the canonical JSON of {@code report} lacks (or has too few of). */
  private static List<String> missing(Map<String, Integer> expected, Report report) {
    Map<String, Integer> actual = new TreeMap<>();
    walkOutput(LeJsonFixtures.tree(TipJson.write(report)), actual);
    List<String> out = new ArrayList<>();
    expected.forEach(
        (value, count) -> {
          if (actual.getOrDefault(value, 0) < count) {
            out.add(value);
          }
        });
    return out;
  }

  private static void walkOutput(JsonNode node, Map<String, Integer> out) {
    if (node.isContainerNode()) {
      node.forEach(child -> walkOutput(child, out));
    } else if (!node.isNull()) {
      out.merge(node.asText(), 1, Integer::sum);
    }
  }

  // ----------------------------------------------------------------- writer

  @Test
  void referenceExampleSurvivesWriteAndRead() {
    Report original = parsed(read(bytes(REFERENCE), ParseMode.STRICT));
    byte[] written = LeJsonWriter.writeBytes(original);
    ParseResult again = read(written, ParseMode.STRICT);
    assertThat(again.problems()).isEmpty();
    assertThat(parsed(again)).isEqualTo(original);
    assertThat(written[0]).as("no byte-order mark").isEqualTo((byte) '{');
  }

  @Test
  void uglyFixtureSurvivesWriteAndReadExceptItsUnknownElements() {
    Report original = parsed(read(bytes(UGLY), ParseMode.TOLERANT));
    Report again = parsed(read(LeJsonWriter.writeBytes(original), ParseMode.TOLERANT));
    assertThat(again.unknownElements()).isEmpty();
    assertThat(again).isEqualTo(withoutUnknowns(original));
  }

  @Test
  void everythingTheLayoutExpressesSurvivesWriteAndRead() {
    Report model = fullModel();
    String written = LeJsonWriter.write(model);
    ParseResult again = read(written, ParseMode.STRICT);
    assertThat(again.problems()).as(written).isEmpty();
    assertThat(parsed(again)).isEqualTo(model);
  }

  private static Report withoutUnknowns(Report r) {
    return new Report(
        r.format(),
        r.cybertipReportId(),
        r.dateReceived(),
        r.batchedReport(),
        r.incidentSummary(),
        r.internetDetails(),
        r.lawEnforcement(),
        r.reporter(),
        r.reportedUsers(),
        r.intendedRecipients(),
        r.victims(),
        r.files(),
        r.additionalInfo(),
        List.of());
  }

  /** A report using every field the LE JSON layout can carry, each with a non-default value. */
  private static Report fullModel() {
    Person reporting =
        new Person(
            Optional.of("Morgan"),
            Optional.of("Q"),
            Optional.of("Reporter"),
            List.of(Phone.of("+12025550100")),
            List.of(Email.of("le-desk@example.com")),
            List.of(),
            OptionalInt.empty(),
            Optional.empty(),
            TriState.UNKNOWN);
    Person suspect =
        new Person(
            Optional.of("Riley"),
            Optional.empty(),
            Optional.of("Example"),
            List.of(
                new Phone(
                    "+12025550178",
                    Optional.empty(),
                    TriState.FALSE,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty())),
            List.of(
                new Email(
                    "river.fox77@example.net", Optional.empty(), TriState.TRUE, Optional.empty())),
            List.of(
                new Address(
                    Optional.empty(),
                    List.of("1 Example Way", "Apt 2"),
                    Optional.of("Springfield"),
                    Optional.of("20001"),
                    Optional.of("DC"),
                    Optional.empty(),
                    Optional.of("US"))),
            OptionalInt.of(19),
            Optional.of("2006-01-02"),
            TriState.UNKNOWN);
    IpCaptureEvent login =
        new IpCaptureEvent(
            "2001:db8::1",
            Optional.of("2001:DB8::0:1"),
            Optional.of(IpCaptureType.LOGIN),
            Optional.of(ReportedTime.parse("2025-03-14T20:58:02Z")),
            TriState.UNKNOWN,
            OptionalInt.of(443));
    IpCaptureEvent upload =
        new IpCaptureEvent(
            "203.0.113.77",
            Optional.empty(),
            Optional.of(IpCaptureType.UPLOAD),
            Optional.of(ReportedTime.parse("2025-03-14T16:07:31-05:00")),
            TriState.UNKNOWN,
            OptionalInt.empty());
    ReportedUser reported =
        user(
            UserRole.REPORTED,
            Optional.of(suspect),
            List.of(login),
            List.of("https://photos.example.com/u/river_fox_77"),
            List.of(
                new NameValue("URL", "https://photos.example.com/u/river_fox_77/albums/1"),
                new NameValue("Device ID", "example-device-7"),
                new NameValue("gender", "unknown"),
                new NameValue("languages", "English"),
                new NameValue("languages", "Spanish")));
    ReportedUser recipient =
        user(UserRole.INTENDED_RECIPIENT, Optional.empty(), List.of(), List.of(), List.of());
    ReportedUser victim =
        user(
            UserRole.VICTIM,
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(new NameValue("approximateAge", "13-15")));
    ReportedFile file =
        new ReportedFile(
            Optional.of("sub-42"),
            Optional.of("upload_1.jpg"),
            Optional.of("IMG_1.jpg"),
            Optional.empty(),
            Optional.of("https://photos.example.com/f/1"),
            TriState.FALSE,
            TriState.TRUE,
            TriState.FALSE,
            Optional.empty(),
            Set.of(),
            Optional.of(IndustryClassification.A2),
            List.of(
                new FileHash(
                    HashAlgorithm.MD5,
                    "verificationHash",
                    "1a79a4d60de6718e8e5b326e338ae533",
                    HashOrigin.NCMEC_RECEIVED)),
            List.of(upload),
            List.of(),
            List.of(
                new FileMetadata(
                    Optional.empty(),
                    List.of(new NameValue("Make", "ExampleCam"), new NameValue("Model", "X1")))),
            List.of("first note", "second note"),
            List.of("Tag A", "Tag B"));
    ReportedFile bare =
        new ReportedFile(
            Optional.empty(),
            Optional.of("upload_2.jpg"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            TriState.UNKNOWN,
            TriState.UNKNOWN,
            TriState.UNKNOWN,
            Optional.empty(),
            Set.of(),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    return new Report(
        SourceFormat.LE_JSON,
        Optional.of("CT-0001"),
        Optional.of(ReportedTime.parse("2025-03-14T21:15:02Z")),
        Optional.empty(),
        new IncidentSummary(
            Optional.of(IncidentType.UNSOLICITED_OBSCENE_MATERIAL_TO_CHILD),
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            Optional.of(ReportedTime.parse("2025-03-14T21:07:31.5Z")),
            Optional.of("Detection time.")),
        List.of(
            new InternetDetail.WebPage(
                TriState.UNKNOWN,
                List.of("https://photos.example.com/a", "https://photos.example.com/b"),
                Optional.of("line one\nline two")),
            new InternetDetail.EmailIncident(
                List.of(), Optional.of("From: a@example.org\nSubject: x"), Optional.of("note"))),
        Optional.empty(),
        Optional.of(
            new Reporter(
                Optional.of("Example Photos, Inc."),
                Optional.of(reporting),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())),
        List.of(reported),
        List.of(recipient),
        List.of(victim),
        List.of(file, bare),
        List.of("Synthetic.", "Every identifier is fictitious."),
        List.of());
  }

  private static ReportedUser user(
      UserRole role,
      Optional<Person> person,
      List<IpCaptureEvent> ips,
      List<String> profileUrls,
      List<NameValue> other) {
    return new ReportedUser(
        role,
        person,
        Optional.empty(),
        Optional.of("id-" + role.name().toLowerCase(Locale.ROOT)),
        Optional.of("Example Photos"),
        TriState.UNKNOWN,
        Optional.of("screen_" + role.name().toLowerCase(Locale.ROOT)),
        List.of(),
        profileUrls,
        Optional.empty(),
        ips,
        List.of(),
        TriState.UNKNOWN,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        TriState.UNKNOWN,
        List.of(),
        List.of("info about " + role),
        other);
  }
}
