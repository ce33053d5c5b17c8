package org.tiptrace.intake.espxml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The element trees of the ESP reporting XML as data: for every complex element, its children in
 * schema order with their cardinality. Written by hand from shared/reference/cybertip-esp-xml.md
 * §3–§5 (not generated from, nor copied out of, NCMEC's XSD).
 *
 * <p>The reader uses a {@link Type} in two ways: in both modes to tell known children from unknown
 * ones, and in STRICT mode to check order and cardinality. A choice ({@code internetDetails}, the
 * {@code potentialMeme | fileAnnotations} pair) is one {@link Particle} with several names.
 *
 * <p>Drift accepted in both modes (§5, "Known drift"): {@code reportAnnotations/informational} and
 * {@code person/ageAssertionDiscrepancy} (between {@code age} and {@code dateOfBirth}).
 */
final class EspXmlSchema {
  private EspXmlSchema() {}

  static final int UNBOUNDED = Integer.MAX_VALUE;

  /**
   * One position of a sequence.
   *
   * @param names one name, or several for a choice
   * @param modelRequired the model cannot represent its absence, so TOLERANT mode rejects it too
   * @param manyInModel the model keeps a list although the schema allows one: TOLERANT mode keeps
   *     repeats instead of treating them as unknown
   */
  record Particle(
      List<String> names, int min, int max, boolean modelRequired, boolean manyInModel) {

    String display() {
      return names.size() == 1
          ? "<" + names.get(0) + ">"
          : "one of <" + String.join(">, <", names) + ">";
    }
  }

  /** A complex element type: a sequence, or an {@code xs:all} group when {@code all}. */
  record Type(String name, List<Particle> particles, boolean all, Map<String, Integer> index) {

    /** Position of the particle that holds {@code child}, or -1 when the child is unknown. */
    int indexOf(String child) {
      Integer i = index.get(child);
      return i == null ? -1 : i;
    }
  }

  private static Particle p(String name, int min, int max) {
    return new Particle(List.of(name), min, max, false, false);
  }

  private static Particle opt(String name) {
    return p(name, 0, 1);
  }

  private static Particle many(String name) {
    return p(name, 0, UNBOUNDED);
  }

  /** Required by the schema, and the model cannot do without it. */
  private static Particle req(String name) {
    return new Particle(List.of(name), 1, 1, true, false);
  }

  /** Required by the schema, but absence is representable (TOLERANT warns). */
  private static Particle one(String name) {
    return p(name, 1, 1);
  }

  /** At most one in the schema; the model keeps a list. */
  private static Particle optList(String name) {
    return new Particle(List.of(name), 0, 1, false, true);
  }

  private static Type seq(String name, Particle... particles) {
    return type(name, false, List.of(particles));
  }

  private static Type type(String name, boolean all, List<Particle> particles) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < particles.size(); i++) {
      for (String n : particles.get(i).names()) {
        index.put(n, i);
      }
    }
    return new Type(name, List.copyOf(particles), all, Map.copyOf(index));
  }

  private static Type flags(String name, List<String> flagNames) {
    List<Particle> ps = new ArrayList<>();
    for (String f : flagNames) {
      ps.add(opt(f));
    }
    return type(name, true, ps);
  }

  // §3 report
  static final Type REPORT =
      seq(
          "report",
          opt("batchedReport"),
          one("incidentSummary"),
          many("internetDetails"),
          opt("lawEnforcement"),
          one("reporter"),
          many("personOrUserReported"),
          many("intendedRecipient"),
          many("victim"),
          optList("additionalInfo"));

  static final Type INCIDENT_SUMMARY =
      seq(
          "incidentSummary",
          one("incidentType"),
          opt("platform"),
          opt("escalateToHighPriority"),
          opt("reportAnnotations"),
          one("incidentDateTime"),
          opt("incidentDateTimeDescription"));

  static final Type REPORT_ANNOTATIONS =
      flags(
          "reportAnnotations",
          List.of(
              "sextortion",
              "csamSolicitation",
              "minorToMinorInteraction",
              "spam",
              "sadisticOnlineExploitation",
              "informational"));

  static final List<String> INCIDENT_KINDS =
      List.of(
          "webPageIncident",
          "emailIncident",
          "newsgroupIncident",
          "chatImIncident",
          "onlineGamingIncident",
          "cellPhoneIncident",
          "nonInternetIncident",
          "peer2peerIncident");

  /** {@code internetDetails}: an {@code xs:choice}; TOLERANT keeps each extra kind as its own. */
  static final Type INTERNET_DETAILS =
      type("internetDetails", false, List.of(new Particle(INCIDENT_KINDS, 1, 1, false, true)));

  static final Type WEB_PAGE = seq("webPageIncident", many("url"), opt("additionalInfo"));
  static final Type EMAIL_INCIDENT =
      seq("emailIncident", many("emailAddress"), opt("content"), opt("additionalInfo"));
  static final Type NEWSGROUP =
      seq(
          "newsgroupIncident",
          opt("name"),
          many("emailAddress"),
          opt("content"),
          opt("additionalInfo"));
  static final Type CHAT_IM =
      seq(
          "chatImIncident",
          opt("chatClient"),
          opt("chatRoomName"),
          opt("content"),
          opt("additionalInfo"));
  static final Type ONLINE_GAMING =
      seq(
          "onlineGamingIncident",
          opt("gameName"),
          opt("console"),
          opt("content"),
          opt("additionalInfo"));
  static final Type CELL_PHONE =
      seq(
          "cellPhoneIncident",
          opt("phoneNumber"),
          opt("latitude"),
          opt("longitude"),
          opt("additionalInfo"));
  static final Type NON_INTERNET =
      seq(
          "nonInternetIncident",
          opt("locationName"),
          many("incidentAddress"),
          opt("additionalInfo"));
  static final Type PEER_TO_PEER =
      seq(
          "peer2peerIncident",
          opt("client"),
          many("ipCaptureEvent"),
          opt("fileNames"),
          opt("additionalInfo"));

  static final Type LAW_ENFORCEMENT =
      seq(
          "lawEnforcement",
          req("agencyName"),
          opt("caseNumber"),
          opt("officerContact"),
          opt("reportedToLe"),
          opt("servedLegalProcessDomestic"),
          opt("servedLegalProcessInternational"));

  static final Type REPORTER =
      seq(
          "reporter",
          one("reportingPerson"),
          opt("contactPerson"),
          opt("companyTemplate"),
          opt("termsOfService"),
          opt("legalURL"));

  // §3.3 shared types
  static final Type PERSON =
      seq(
          "person",
          opt("firstName"),
          opt("lastName"),
          many("phone"),
          many("email"),
          many("address"),
          opt("age"),
          opt("ageAssertionDiscrepancy"),
          opt("dateOfBirth"));

  static final Type CONTACT_PERSON =
      seq(
          "contactPerson",
          opt("firstName"),
          opt("lastName"),
          many("phone"),
          many("email"),
          many("address"));

  static final Type ADDRESS =
      seq(
          "address",
          optList("address"),
          opt("city"),
          opt("zipCode"),
          opt("state"),
          opt("nonUsaState"),
          opt("country"));

  static final Type IP_CAPTURE_EVENT =
      seq(
          "ipCaptureEvent",
          req("ipAddress"),
          opt("eventName"),
          opt("dateTime"),
          opt("possibleProxy"),
          opt("port"));

  static final Type DEVICE_ID =
      seq("deviceId", req("idType"), req("idValue"), opt("eventName"), opt("dateTime"));

  static final Type ESTIMATED_LOCATION =
      seq("estimatedLocation", opt("city"), opt("region"), opt("countryCode"));

  // §3.2
  static final Type ASSOCIATED_ACCOUNT =
      seq(
          "associatedAccount",
          opt("platform"),
          opt("firstName"),
          opt("middleName"),
          opt("lastName"),
          opt("approximateAge"),
          opt("dateOfBirth"),
          many("phone"),
          many("email"),
          opt("allEmailsReported"),
          many("address"),
          opt("espService"),
          opt("espIdentifier"),
          many("profileUrl"),
          opt("screenName"),
          many("displayName"),
          opt("profileBio"),
          opt("groupIdentifier"),
          opt("compromisedAccount"),
          opt("accountTemporarilyDisabled"),
          opt("accountPermanentlyDisabled"),
          many("ipCaptureEvent"),
          many("deviceId"),
          many("priorCTReport"),
          opt("additionalInfo"));

  // §3.1 user blocks: one table, three columns.
  private static final String R = "R";
  private static final String I = "I";
  private static final String V = "V";

  private record UserRow(String name, int max, String blocks) {}

  private static final List<UserRow> USER_ROWS =
      List.of(
          new UserRow("vehicleDescription", 1, R),
          new UserRow("espIdentifier", 1, R + I + V),
          new UserRow("espService", 1, R + I + V),
          new UserRow("compromisedAccount", 1, R + I + V),
          new UserRow("screenName", 1, R + I + V),
          new UserRow("displayName", UNBOUNDED, R + I + V),
          new UserRow("profileUrl", UNBOUNDED, R + I + V),
          new UserRow("profileBio", 1, R + I + V),
          new UserRow("ipCaptureEvent", UNBOUNDED, R + I + V),
          new UserRow("deviceId", UNBOUNDED, R + I + V),
          new UserRow("thirdPartyUserReported", 1, R),
          new UserRow("schoolName", 1, V),
          new UserRow("priorCTReports", UNBOUNDED, R + I + V),
          new UserRow("groupIdentifier", 1, R + I),
          new UserRow("accountTemporarilyDisabled", 1, R + I + V),
          new UserRow("accountPermanentlyDisabled", 1, R + I + V),
          new UserRow("estimatedLocation", 1, R + I + V),
          new UserRow("allEmailsReported", 1, R + I + V),
          new UserRow("associatedAccount", UNBOUNDED, R + V));

  private static Type userBlock(String name, String personElement, int personMin, String block) {
    List<Particle> ps = new ArrayList<>();
    ps.add(p(personElement, personMin, 1));
    for (UserRow row : USER_ROWS) {
      if (row.blocks().contains(block)) {
        ps.add(p(row.name(), 0, row.max()));
      }
    }
    // additionalInfo: 0..1, but 0..n for the intended recipient; the model keeps a list.
    ps.add(
        new Particle(List.of("additionalInfo"), 0, block.equals(I) ? UNBOUNDED : 1, false, true));
    return type(name, false, ps);
  }

  static final Type PERSON_OR_USER_REPORTED =
      userBlock("personOrUserReported", "personOrUserReportedPerson", 0, R);
  static final Type INTENDED_RECIPIENT =
      userBlock("intendedRecipient", "intendedRecipientPerson", 0, I);
  static final Type VICTIM = userBlock("victim", "victimPerson", 1, V);

  // §4 fileDetails
  static final Type FILE_DETAILS =
      type(
          "fileDetails",
          false,
          List.of(
              req("reportId"),
              one("fileId"),
              opt("fileName"),
              opt("originalFileName"),
              opt("uploadedToEspTimestamp"),
              opt("locationOfFile"),
              opt("fileViewedByEsp"),
              opt("exifViewedByEsp"),
              opt("publiclyAvailable"),
              opt("fileRelevance"),
              // choice; TOLERANT reads both (and STRICT reports "not both")
              new Particle(List.of("potentialMeme", "fileAnnotations"), 0, 1, false, true),
              opt("industryClassification"),
              many("originalFileHash"),
              optList("ipCaptureEvent"),
              many("deviceId"),
              many("details"),
              many("additionalInfo")));

  static final Type FILE_ANNOTATIONS =
      flags(
          "fileAnnotations",
          List.of(
              "animeDrawingVirtualHentai",
              "potentialMeme",
              "viral",
              "possibleSelfProduction",
              "physicalHarm",
              "violenceGore",
              "bestiality",
              "liveStreaming",
              "infant",
              "generativeAi"));

  static final Type DETAILS =
      type(
          "details",
          false,
          List.of(new Particle(List.of("nameValuePair"), 1, UNBOUNDED, false, false)));

  static final Type NAME_VALUE_PAIR = seq("nameValuePair", req("name"), req("value"));

  /** Elements with text content only (no known children). */
  static final Type LEAF = type("text", false, List.of());

  // §5 country and state enumerations
  static final Set<String> COUNTRIES = countries();
  static final Set<String> US_STATES =
      Set.copyOf(
          List.of(
              "", "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL",
              "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
              "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
              "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "GU", "PR", "VI"));

  private static Set<String> countries() {
    Set<String> s = new LinkedHashSet<>();
    s.add("");
    for (String c : Locale.getISOCountries()) {
      s.add(c);
    }
    // legacy and region codes the schema allows
    s.addAll(List.of("A1", "A2", "O1", "AP", "EU", "FX", "AN", "XK"));
    return Set.copyOf(s);
  }
}
