package org.tiptrace.intake.espxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.tip.AddressType;
import org.tiptrace.tip.AssociatedAccountType;
import org.tiptrace.tip.BatchedReportReason;
import org.tiptrace.tip.EmailType;
import org.tiptrace.tip.FileAnnotation;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.FileRelevance;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.IncidentType;
import org.tiptrace.tip.IndustryClassification;
import org.tiptrace.tip.InternetDetail;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.IpCaptureType;
import org.tiptrace.tip.MetadataType;
import org.tiptrace.tip.PhoneType;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportAnnotation;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.TriState;
import org.tiptrace.tip.WireValue;

/** The worked example of reference §6.1 and §6.2, verbatim. */
class EspXmlReferenceExampleTest {

  @ParameterizedTest
  @EnumSource(ParseMode.class)
  void referenceReportReadsWithoutProblems(ParseMode mode) {
    ParseResult result = EspXmlFixtures.fixture(EspXmlFixtures.REPORT, mode);

    assertThat(result).isInstanceOf(ParseResult.ReportParsed.class);
    assertThat(result.problems()).isEmpty();
    Report r = ((ParseResult.ReportParsed) result).report();
    assertThat(r.format()).isEqualTo(SourceFormat.ESP_XML_REPORT);
    assertThat(r.incidentSummary().incidentType()).contains(IncidentType.CHILD_PORNOGRAPHY);
    assertThat(r.incidentSummary().annotations())
        .containsExactly(ReportAnnotation.CSAM_SOLICITATION);
    assertThat(r.incidentSummary().incidentDateTime().flatMap(ReportedTime::instant))
        .hasValueSatisfying(i -> assertThat(i.toString()).isEqualTo("2025-03-14T21:07:31Z"));
    assertThat(r.internetDetails()).hasSize(2);
    assertThat(r.internetDetails().get(0))
        .isEqualTo(
            new InternetDetail.WebPage(
                TriState.FALSE,
                List.of("https://photos.example.com/u/river_fox_77/albums/5531"),
                Optional.of("Private album, never shared publicly.")));
    assertThat(r.lawEnforcement().orElseThrow().servedLegalProcessDomestic())
        .isEqualTo(TriState.TRUE);
    assertThat(r.lawEnforcement().orElseThrow().reportedToLe()).isEqualTo(TriState.FALSE);
    assertThat(r.lawEnforcement().orElseThrow().servedLegalProcessInternational())
        .isEqualTo(TriState.UNKNOWN);
    assertThat(r.reporter().orElseThrow().contactPerson().orElseThrow().phones().get(0).extension())
        .contains("204");

    ReportedUser user = r.reportedUsers().get(0);
    assertThat(user.ipCaptureEvents())
        .extracting(IpCaptureEvent::ipAddress, IpCaptureEvent::port, IpCaptureEvent::possibleProxy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "198.51.100.23", OptionalInt.of(50314), TriState.UNKNOWN),
            org.assertj.core.groups.Tuple.tuple(
                "2001:db8:4a1:7700:1c2e:9bff:fe41:5d10", OptionalInt.empty(), TriState.UNKNOWN),
            org.assertj.core.groups.Tuple.tuple(
                "203.0.113.77", OptionalInt.of(61022), TriState.TRUE));
    assertThat(user.ipCaptureEvents().get(0).eventName()).contains(IpCaptureType.REGISTRATION);
    assertThat(user.priorCTReports()).containsExactly(100000001L);
    assertThat(user.accountPermanentlyDisabled().orElseThrow().userNotified())
        .isEqualTo(TriState.FALSE);
    assertThat(user.associatedAccounts().get(0).type()).contains(AssociatedAccountType.LINKED);
    assertThat(user.associatedAccounts().get(0).thirdPartyUser()).isEqualTo(TriState.FALSE);
    assertThat(user.associatedAccounts().get(0).screenName()).contains("rf_alt");
    assertThat(r.intendedRecipients()).hasSize(1);
    assertThat(r.victims()).isEmpty();
    assertThat(r.additionalInfo())
        .containsExactly("Synthetic example. Every name, address and identifier is fictitious.");
  }

  @ParameterizedTest
  @EnumSource(ParseMode.class)
  void referenceFileDetailsReadsWithoutProblems(ParseMode mode) {
    ParseResult result = EspXmlFixtures.fixture(EspXmlFixtures.FILE_DETAILS, mode);

    assertThat(result).isInstanceOf(ParseResult.FileDetailsParsed.class);
    assertThat(result.problems()).isEmpty();
    ParseResult.FileDetailsParsed fd = (ParseResult.FileDetailsParsed) result;
    assertThat(fd.reportId()).isEqualTo("4815162");
    ReportedFile f = fd.file();
    assertThat(f.fileId()).contains("9c1d0e6fa24b4a7c8e3f51b2d6a07e44");
    assertThat(f.fileViewedByEsp()).isEqualTo(TriState.TRUE);
    assertThat(f.exifViewedByEsp()).isEqualTo(TriState.FALSE);
    assertThat(f.publiclyAvailable()).isEqualTo(TriState.FALSE);
    assertThat(f.relevance()).contains(FileRelevance.REPORTED);
    assertThat(f.annotations()).containsExactly(FileAnnotation.GENERATIVE_AI);
    assertThat(f.hashes())
        .containsExactly(
            new FileHash(
                HashAlgorithm.MD5,
                "MD5",
                "1a79a4d60de6718e8e5b326e338ae533",
                HashOrigin.ESP_ORIGINAL),
            new FileHash(
                HashAlgorithm.SHA1,
                "SHA1",
                "c3499c2729730a7f807efb8676a92dcb6f8a3f8f",
                HashOrigin.ESP_ORIGINAL),
            new FileHash(
                HashAlgorithm.SHA256,
                "SHA256",
                "50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c",
                HashOrigin.ESP_ORIGINAL),
            new FileHash(HashAlgorithm.PDQ, "PDQ", "5a".repeat(32), HashOrigin.ESP_DETAILS));
    assertThat(f.details()).hasSize(2);
    assertThat(f.details().get(0).type()).contains(MetadataType.EXIF);
    assertThat(f.details().get(1).pairs().get(0).name()).isEqualTo("PDQ");
    assertThat(f.ipCaptureEvents().get(0).port()).isEqualTo(OptionalInt.of(61022));
    assertThat(f.deviceIds().get(0).eventName()).contains(IpCaptureType.UPLOAD);
  }

  /**
   * The issue's acceptance criterion: every element text and attribute value of the reference
   * examples appears in {@code tips show --json} (the canonical {@link TipJson}). Enumeration
   * values appear as their constant names, booleans as {@code "field":"TRUE"/"FALSE"}, flags as the
   * annotation constant. Only the {@code xsi} attributes (transport metadata) are excluded.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {EspXmlFixtures.REPORT, EspXmlFixtures.FILE_DETAILS, EspXmlFixtures.ALL_ELEMENTS})
  void everyElementAndAttributeOfTheReferenceExamplesAppearsInTheJson(String fixture)
      throws Exception {
    ParseResult result = EspXmlFixtures.fixture(fixture, ParseMode.STRICT);
    String json = TipJson.write(result);
    List<Item> items = walk(EspXmlFixtures.bytes(fixture));
    assertThat(items).hasSizeGreaterThan(30);

    List<String> missing = new ArrayList<>();
    for (Item item : items) {
      String expected = expectedJson(item);
      if (!json.contains(expected)) {
        missing.add(item.path + " = '" + item.value + "' (looked for " + expected + ")");
      }
    }
    assertThat(missing).as("values missing from the JSON").isEmpty();
  }

  @Test
  void allElementsFixtureReadsStrictlyAndMapsEveryField() {
    ParseResult result = EspXmlFixtures.fixture(EspXmlFixtures.ALL_ELEMENTS, ParseMode.STRICT);

    assertThat(result.problems()).isEmpty();
    Report r = ((ParseResult.ReportParsed) result).report();
    assertThat(r.batchedReport()).contains(BatchedReportReason.VIRAL_POTENTIAL_MEME);
    assertThat(r.incidentSummary().escalateToHighPriority())
        .contains("Live chat shows a plan to meet today.");
    assertThat(r.internetDetails())
        .extracting(d -> d.getClass().getSimpleName())
        .containsExactly(
            "EmailIncident",
            "Newsgroup",
            "ChatIm",
            "OnlineGaming",
            "CellPhone",
            "NonInternet",
            "PeerToPeer",
            "WebPage");
    InternetDetail.CellPhone cell = (InternetDetail.CellPhone) r.internetDetails().get(4);
    assertThat(cell.latitude().getAsDouble()).isEqualTo(51.5007);
    assertThat(cell.longitude().getAsDouble()).isEqualTo(-0.1246);
    assertThat(cell.phoneNumber().orElseThrow().countryCallingCode()).contains("+44");
    assertThat(((InternetDetail.WebPage) r.internetDetails().get(7)).thirdPartyHostedContent())
        .isEqualTo(TriState.UNKNOWN);
    assertThat(r.lawEnforcement().orElseThrow().fleaCountry()).contains("GB");
    assertThat(r.lawEnforcement().orElseThrow().servedLegalProcessInternational())
        .isEqualTo(TriState.TRUE);
    ReportedUser reported = r.reportedUsers().get(0);
    assertThat(reported.thirdPartyUserReported()).isEqualTo(TriState.TRUE);
    assertThat(reported.accountTemporarilyDisabled().orElseThrow().reenabledDate())
        .map(ReportedTime::raw)
        .contains("2025-07-11T14:00:00Z");
    var account = reported.associatedAccounts().get(0);
    assertThat(account.type()).contains(AssociatedAccountType.PARENT_GUARDIAN);
    assertThat(account.middleName()).contains("Q");
    assertThat(account.priorCTReports()).containsExactly(100000321L, 100000322L);
    assertThat(account.allEmailsReported()).isEqualTo(TriState.FALSE);
    assertThat(r.intendedRecipients().get(0).additionalInfo())
        .containsExactly("First note.", "Second note.");
    assertThat(r.intendedRecipients().get(0).estimatedLocation().orElseThrow().verified())
        .isEqualTo(TriState.TRUE);
    assertThat(r.victims().get(0).schoolName()).contains("Example Elementary");
    assertThat(r.victims().get(0).person().orElseThrow().age()).isEqualTo(OptionalInt.of(12));
  }

  @Test
  void theJsonCheckCanFail() throws Exception {
    // The check above must notice a dropped value: remove one from the model and look again.
    ParseResult.ReportParsed parsed =
        (ParseResult.ReportParsed) EspXmlFixtures.fixture(EspXmlFixtures.REPORT, ParseMode.STRICT);
    Report r = parsed.report();
    Report without =
        new Report(
            r.format(),
            r.cybertipReportId(),
            r.dateReceived(),
            r.batchedReport(),
            r.incidentSummary(),
            r.internetDetails(),
            r.lawEnforcement(),
            r.reporter(),
            r.reportedUsers(),
            List.of(),
            r.victims(),
            r.files(),
            r.additionalInfo(),
            r.unknownElements());
    String json = TipJson.write(without);
    List<Item> items = walk(EspXmlFixtures.bytes(EspXmlFixtures.REPORT));
    assertThat(items.stream().map(EspXmlReferenceExampleTest::expectedJson))
        .anyMatch(e -> !json.contains(e));
  }

  record Item(String path, String name, String value, boolean attribute) {}

  private static final Set<String> BOOLEAN_TEXT = Set.of("true", "false");

  static String expectedJson(Item item) {
    boolean flagElement =
        !item.attribute
            && enumName(item.name).isPresent()
            && Set.of("", "true").contains(item.value);
    if (item.value.isEmpty() || flagElement) {
      // a flag element: <x/> or <x>true</x>
      return "\""
          + enumName(item.name).orElseThrow(() -> new AssertionError("empty element " + item.path))
          + "\"";
    }
    if (BOOLEAN_TEXT.contains(item.value)) {
      String field =
          item.name.startsWith("account") && item.name.endsWith("Disabled")
              ? "disabled"
              : item.name;
      return "\"" + field + "\":\"" + item.value.toUpperCase(java.util.Locale.ROOT) + "\"";
    }
    Optional<String> e = enumName(item.value);
    if (e.isPresent()) {
      return "\"" + e.get() + "\"";
    }
    String quoted = TipJson.write(item.value);
    return quoted.substring(1, quoted.length() - 1);
  }

  private static final Map<String, String> WIRE_TO_NAME = wireNames();

  private static Map<String, String> wireNames() {
    Map<String, String> m = new HashMap<>();
    List<Class<? extends WireValue>> types =
        List.of(
            IncidentType.class,
            ReportAnnotation.class,
            FileAnnotation.class,
            FileRelevance.class,
            IndustryClassification.class,
            IpCaptureType.class,
            MetadataType.class,
            AddressType.class,
            EmailType.class,
            PhoneType.class,
            AssociatedAccountType.class,
            BatchedReportReason.class);
    for (Class<? extends WireValue> t : types) {
      for (WireValue v : t.getEnumConstants()) {
        m.put(v.wire(), ((Enum<?>) v).name());
      }
    }
    return m;
  }

  private static Optional<String> enumName(String wire) {
    return Optional.ofNullable(WIRE_TO_NAME.get(wire));
  }

  /** Every leaf text (trimmed) and attribute value, walking the XML generically. */
  static List<Item> walk(byte[] xml) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
    List<Item> items = new ArrayList<>();
    List<String> path = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean leaf = false;
    boolean hasAttributes = false;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        path.add(r.getLocalName());
        names.add(r.getLocalName());
        String p = "/" + String.join("/", path);
        for (int i = 0; i < r.getAttributeCount(); i++) {
          if (EspXmlReader.XSI.equals(r.getAttributeNamespace(i))) {
            continue;
          }
          items.add(
              new Item(
                  p + "/@" + r.getAttributeLocalName(i),
                  r.getAttributeLocalName(i),
                  r.getAttributeValue(i),
                  true));
        }
        text.setLength(0);
        leaf = true;
        hasAttributes = r.getAttributeCount() > 0;
      } else if (ev == XMLStreamConstants.CHARACTERS) {
        text.append(r.getText());
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        // an empty element with attributes (batchedReport) is covered by its attributes
        if (leaf && !(hasAttributes && text.toString().isBlank())) {
          items.add(
              new Item(
                  "/" + String.join("/", path),
                  names.get(names.size() - 1),
                  text.toString().strip(),
                  false));
        }
        leaf = false;
        path.remove(path.size() - 1);
        names.remove(names.size() - 1);
        text.setLength(0);
      }
    }
    return items;
  }
}
