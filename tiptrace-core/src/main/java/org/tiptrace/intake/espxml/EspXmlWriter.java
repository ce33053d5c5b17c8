package org.tiptrace.intake.espxml;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;
import org.tiptrace.tip.AccountDisabled;
import org.tiptrace.tip.Address;
import org.tiptrace.tip.AssociatedAccount;
import org.tiptrace.tip.DeviceId;
import org.tiptrace.tip.Email;
import org.tiptrace.tip.EstimatedLocation;
import org.tiptrace.tip.FileAnnotation;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.FileMetadata;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.IncidentSummary;
import org.tiptrace.tip.InternetDetail;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.LawEnforcement;
import org.tiptrace.tip.NameValue;
import org.tiptrace.tip.Person;
import org.tiptrace.tip.Phone;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportAnnotation;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Reporter;
import org.tiptrace.tip.TriState;
import org.tiptrace.tip.UserRole;
import org.tiptrace.tip.WireValue;

/**
 * Writes the tip model as strict, schema-ordered ESP reporting XML: a {@link Report} as a {@code
 * report} document, a {@link ReportedFile} with its report id as a {@code fileDetails} document
 * (UTF-8, with the {@code xsi} attributes of reference §1).
 *
 * <p>Contract: every document this class returns reads back with {@link EspXmlReader} in {@link
 * ParseMode#STRICT} mode. It checks this itself (it reads its own output) and throws {@link
 * IllegalArgumentException} with the reader's problems when the model cannot be written as a strict
 * document, e.g. no incident type or time, no reporter, no internetDetails, a zone-less time, a
 * victim without a person, an account-disabled fact of unknown value, two street lines, or a field
 * a user block does not allow.
 *
 * <p>Read back, the model is equal to the one written, except for fields the ESP XML cannot
 * express, which are not written:
 *
 * <ul>
 *   <li>{@link Report}: {@code format} (always ESP_XML_REPORT), {@code cybertipReportId}, {@code
 *       dateReceived}, {@code files} (write each with {@link #fileDetails}), {@code
 *       unknownElements};
 *   <li>{@link Reporter#espName()}; {@link ReportedUser#otherFields()}; {@link
 *       Person#middleName()}; age and date of birth of a {@code contactPerson} (officer contact,
 *       reporter contact);
 *   <li>{@link LawEnforcement#fleaCountry()} when {@code servedLegalProcessInternational} is
 *       unknown (the attribute sits on that element); {@code platform/@thirdPartyUser} of an
 *       associated account without a platform;
 *   <li>{@link ReportedFile#ncmecTags()}; hashes other than {@link HashOrigin#ESP_ORIGINAL} (those
 *       of origin ESP_DETAILS are derived again from {@code details[@type=HASH]} on reading); the
 *       legacy {@code potentialMeme} form (written as {@code fileAnnotations/potentialMeme});
 *   <li>{@link IpCaptureEvent}: {@code rawIpAddress} is written when present (else the canonical
 *       address), so both read back unchanged.
 * </ul>
 *
 * Drift elements the model holds ({@code reportAnnotations/informational}, {@code
 * person/ageAssertionDiscrepancy}) are written when set; the reader accepts them in both modes.
 * Times are written as their original text. Attribute values are written as given: tabs and line
 * breaks in an attribute (only {@code hashType} is free text) are normalised to spaces by any XML
 * reader.
 */
public final class EspXmlWriter {
  private static final String SCHEMA_LOCATION = "https://report.cybertip.org/ispws/xsd";

  private EspXmlWriter() {}

  /** A strict {@code report} document. */
  public static byte[] report(Report report) {
    byte[] bytes = write("report", out -> writeReport(out, report));
    selfCheck(bytes, "report");
    return bytes;
  }

  /** A strict {@code fileDetails} document for the file of the given report. */
  public static byte[] fileDetails(String reportId, ReportedFile file) {
    byte[] bytes = write("fileDetails", out -> writeFile(out, reportId, file));
    selfCheck(bytes, "fileDetails");
    return bytes;
  }

  private static void selfCheck(byte[] bytes, String what) {
    ParseResult back =
        new EspXmlReader().read("written-" + what + ".xml", bytes, ParseMode.STRICT, LIMITS);
    if (back instanceof ParseResult.Rejected rejected) {
      throw new IllegalArgumentException(
          "the model cannot be written as a strict "
              + what
              + " document: "
              + rejected.problems().stream()
                  .filter(Problem::isError)
                  .map(Problem::message)
                  .collect(Collectors.joining("; ")));
    }
  }

  private static final IntakeLimits LIMITS = IntakeLimits.DEFAULT;

  @FunctionalInterface
  private interface Body {
    void write(Out out) throws XMLStreamException;
  }

  private static byte[] write(String root, Body body) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try {
      WstxOutputFactory f = new WstxOutputFactory();
      f.setProperty(WstxOutputProperties.P_USE_DOUBLE_QUOTES_IN_XML_DECL, true);
      // A carriage return in text must survive reading (XML parsers turn a raw CR into LF).
      f.setProperty(WstxOutputProperties.P_OUTPUT_ESCAPE_CR, true);
      XMLStreamWriter w = f.createXMLStreamWriter(bos, StandardCharsets.UTF_8.name());
      w.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      Out out = new Out(w);
      w.writeCharacters("\n");
      w.writeStartElement(root);
      w.writeNamespace("xsi", EspXmlReader.XSI);
      w.writeAttribute("xsi", EspXmlReader.XSI, "noNamespaceSchemaLocation", SCHEMA_LOCATION);
      out.depth = 1;
      body.write(out);
      out.depth = 0;
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("cannot write " + root + ": " + e.getMessage(), e);
    }
    return bos.toByteArray();
  }

  /** Indenting helper over the stream writer. */
  private static final class Out {
    final XMLStreamWriter w;
    int depth;

    Out(XMLStreamWriter w) {
      this.w = w;
    }

    private void indent() throws XMLStreamException {
      w.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Opens a complex element; attributes are name/value pairs, null values skipped. */
    void start(String name, @Nullable String... attributes) throws XMLStreamException {
      indent();
      w.writeStartElement(name);
      attrs(attributes);
      depth++;
    }

    void end() throws XMLStreamException {
      depth--;
      indent();
      w.writeEndElement();
    }

    void leaf(String name, String text, @Nullable String... attributes) throws XMLStreamException {
      indent();
      w.writeStartElement(name);
      attrs(attributes);
      w.writeCharacters(text);
      w.writeEndElement();
    }

    void leaf(String name, Optional<String> text) throws XMLStreamException {
      if (text.isPresent()) {
        leaf(name, text.get());
      }
    }

    void leaves(String name, List<String> texts) throws XMLStreamException {
      for (String t : texts) {
        leaf(name, t);
      }
    }

    void bool(String name, TriState value) throws XMLStreamException {
      if (value.isKnown()) {
        leaf(name, value.isTrue() ? "true" : "false");
      }
    }

    void integer(String name, OptionalInt value) throws XMLStreamException {
      if (value.isPresent()) {
        leaf(name, Integer.toString(value.getAsInt()));
      }
    }

    void time(String name, Optional<ReportedTime> value) throws XMLStreamException {
      if (value.isPresent()) {
        leaf(name, value.get().raw());
      }
    }

    <E extends WireValue> void wire(String name, Optional<E> value) throws XMLStreamException {
      if (value.isPresent()) {
        leaf(name, value.get().wire());
      }
    }

    void flag(String name) throws XMLStreamException {
      indent();
      w.writeEmptyElement(name);
    }

    private void attrs(@Nullable String[] attributes) throws XMLStreamException {
      for (int i = 0; i + 1 < attributes.length; i += 2) {
        String value = attributes[i + 1];
        if (value != null) {
          w.writeAttribute(attributes[i], value);
        }
      }
    }
  }

  private static @Nullable String tri(TriState t) {
    return t.isKnown() ? (t.isTrue() ? "true" : "false") : null;
  }

  private static @Nullable String time(Optional<ReportedTime> t) {
    return t.map(ReportedTime::raw).orElse(null);
  }

  private static <E extends WireValue> @Nullable String wire(Optional<E> e) {
    return e.map(WireValue::wire).orElse(null);
  }

  // ------------------------------------------------------------------ report

  private static void writeReport(Out o, Report r) throws XMLStreamException {
    if (r.batchedReport().isPresent()) {
      o.start("batchedReport", "reason", r.batchedReport().get().wire());
      o.depth--;
      o.w.writeEndElement();
    }
    incidentSummary(o, r.incidentSummary());
    for (InternetDetail d : r.internetDetails()) {
      o.start("internetDetails");
      internetDetail(o, d);
      o.end();
    }
    if (r.lawEnforcement().isPresent()) {
      lawEnforcement(o, r.lawEnforcement().get());
    }
    if (r.reporter().isPresent()) {
      reporter(o, r.reporter().get());
    }
    for (ReportedUser u : r.reportedUsers()) {
      user(o, "personOrUserReported", u);
    }
    for (ReportedUser u : r.intendedRecipients()) {
      user(o, "intendedRecipient", u);
    }
    for (ReportedUser u : r.victims()) {
      user(o, "victim", u);
    }
    o.leaves("additionalInfo", r.additionalInfo());
  }

  private static void incidentSummary(Out o, IncidentSummary s) throws XMLStreamException {
    o.start("incidentSummary");
    o.wire("incidentType", s.incidentType());
    o.leaf("platform", s.platform());
    o.leaf("escalateToHighPriority", s.escalateToHighPriority());
    if (!s.annotations().isEmpty()) {
      o.start("reportAnnotations");
      for (ReportAnnotation a : s.annotations()) {
        o.flag(a.wire());
      }
      o.end();
    }
    o.time("incidentDateTime", s.incidentDateTime());
    o.leaf("incidentDateTimeDescription", s.incidentDateTimeDescription());
    o.end();
  }

  private static void internetDetail(Out o, InternetDetail d) throws XMLStreamException {
    switch (d) {
      case InternetDetail.WebPage w -> {
        o.start("webPageIncident", "thirdPartyHostedContent", tri(w.thirdPartyHostedContent()));
        o.leaves("url", w.urls());
      }
      case InternetDetail.EmailIncident e -> {
        o.start("emailIncident");
        for (Email m : e.emailAddresses()) {
          email(o, "emailAddress", m);
        }
        o.leaf("content", e.content());
      }
      case InternetDetail.Newsgroup n -> {
        o.start("newsgroupIncident");
        o.leaf("name", n.name());
        for (Email m : n.emailAddresses()) {
          email(o, "emailAddress", m);
        }
        o.leaf("content", n.content());
      }
      case InternetDetail.ChatIm c -> {
        o.start("chatImIncident");
        o.leaf("chatClient", c.chatClient());
        o.leaf("chatRoomName", c.chatRoomName());
        o.leaf("content", c.content());
      }
      case InternetDetail.OnlineGaming g -> {
        o.start("onlineGamingIncident");
        o.leaf("gameName", g.gameName());
        o.leaf("console", g.console());
        o.leaf("content", g.content());
      }
      case InternetDetail.CellPhone c -> {
        o.start("cellPhoneIncident");
        if (c.phoneNumber().isPresent()) {
          phone(o, "phoneNumber", c.phoneNumber().get());
        }
        if (c.latitude().isPresent()) {
          o.leaf("latitude", Double.toString(c.latitude().getAsDouble()));
        }
        if (c.longitude().isPresent()) {
          o.leaf("longitude", Double.toString(c.longitude().getAsDouble()));
        }
      }
      case InternetDetail.NonInternet n -> {
        o.start("nonInternetIncident");
        o.leaf("locationName", n.locationName());
        for (Address a : n.incidentAddresses()) {
          address(o, "incidentAddress", a);
        }
      }
      case InternetDetail.PeerToPeer p -> {
        o.start("peer2peerIncident");
        o.leaf("client", p.client());
        for (IpCaptureEvent e : p.ipCaptureEvents()) {
          ipCaptureEvent(o, e);
        }
        o.leaf("fileNames", p.fileNames());
      }
    }
    o.leaf("additionalInfo", d.additionalInfo());
    o.end();
  }

  private static void lawEnforcement(Out o, LawEnforcement le) throws XMLStreamException {
    o.start("lawEnforcement");
    o.leaf("agencyName", le.agencyName());
    o.leaf("caseNumber", le.caseNumber());
    if (le.officerContact().isPresent()) {
      person(o, "officerContact", le.officerContact().get(), false);
    }
    o.bool("reportedToLe", le.reportedToLe());
    o.bool("servedLegalProcessDomestic", le.servedLegalProcessDomestic());
    String intl = tri(le.servedLegalProcessInternational());
    if (intl != null) {
      o.leaf("servedLegalProcessInternational", intl, "fleaCountry", le.fleaCountry().orElse(null));
    }
    o.end();
  }

  private static void reporter(Out o, Reporter r) throws XMLStreamException {
    o.start("reporter");
    if (r.reportingPerson().isPresent()) {
      person(o, "reportingPerson", r.reportingPerson().get(), true);
    }
    if (r.contactPerson().isPresent()) {
      person(o, "contactPerson", r.contactPerson().get(), false);
    }
    o.leaf("companyTemplate", r.companyTemplate());
    o.leaf("termsOfService", r.termsOfService());
    o.leaf("legalURL", r.legalUrl());
    o.end();
  }

  /** {@code person} when {@code full}, else {@code contactPerson} (no age, no date of birth). */
  private static void person(Out o, String name, Person p, boolean full) throws XMLStreamException {
    o.start(name);
    o.leaf("firstName", p.firstName());
    o.leaf("lastName", p.lastName());
    for (Phone ph : p.phones()) {
      phone(o, "phone", ph);
    }
    for (Email e : p.emails()) {
      email(o, "email", e);
    }
    for (Address a : p.addresses()) {
      address(o, "address", a);
    }
    if (full) {
      o.integer("age", p.age());
      o.bool("ageAssertionDiscrepancy", p.ageAssertionDiscrepancy());
      o.leaf("dateOfBirth", p.dateOfBirth());
    }
    o.end();
  }

  private static void phone(Out o, String name, Phone p) throws XMLStreamException {
    o.leaf(
        name,
        p.number(),
        "type",
        wire(p.type()),
        "verified",
        tri(p.verified()),
        "verificationDate",
        time(p.verificationDate()),
        "countryCallingCode",
        p.countryCallingCode().orElse(null),
        "extension",
        p.extension().orElse(null));
  }

  private static void email(Out o, String name, Email e) throws XMLStreamException {
    o.leaf(
        name,
        e.address(),
        "type",
        wire(e.type()),
        "verified",
        tri(e.verified()),
        "verificationDate",
        time(e.verificationDate()));
  }

  private static void address(Out o, String name, Address a) throws XMLStreamException {
    o.start(name, "type", wire(a.type()));
    o.leaves("address", a.streetLines());
    o.leaf("city", a.city());
    o.leaf("zipCode", a.zipCode());
    o.leaf("state", a.state());
    o.leaf("nonUsaState", a.nonUsaState());
    o.leaf("country", a.country());
    o.end();
  }

  private static void ipCaptureEvent(Out o, IpCaptureEvent e) throws XMLStreamException {
    o.start("ipCaptureEvent");
    o.leaf("ipAddress", e.rawIpAddress().orElse(e.ipAddress()));
    o.wire("eventName", e.eventName());
    o.time("dateTime", e.dateTime());
    o.bool("possibleProxy", e.possibleProxy());
    o.integer("port", e.port());
    o.end();
  }

  private static void deviceId(Out o, DeviceId d) throws XMLStreamException {
    o.start("deviceId");
    o.leaf("idType", d.idType());
    o.leaf("idValue", d.idValue());
    o.wire("eventName", d.eventName());
    o.time("dateTime", d.dateTime());
    o.end();
  }

  private static void accountDisabled(Out o, String name, AccountDisabled a, boolean temporary)
      throws XMLStreamException {
    String content = tri(a.disabled());
    o.leaf(
        name,
        content == null ? "" : content,
        "disabledDate",
        time(a.disabledDate()),
        "userNotified",
        tri(a.userNotified()),
        "userNotifiedDate",
        time(a.userNotifiedDate()),
        "reenabledDate",
        temporary ? time(a.reenabledDate()) : null);
  }

  private static void estimatedLocation(Out o, EstimatedLocation l) throws XMLStreamException {
    o.start("estimatedLocation", "verified", tri(l.verified()), "timestamp", time(l.timestamp()));
    o.leaf("city", l.city());
    o.leaf("region", l.region());
    o.leaf("countryCode", l.countryCode());
    o.end();
  }

  /** The §3.1 order. Fields a block does not allow are written and fail the self-check. */
  private static void user(Out o, String name, ReportedUser u) throws XMLStreamException {
    o.start(name);
    if (u.person().isPresent()) {
      person(o, personElement(u.role()), u.person().get(), true);
    }
    o.leaf("vehicleDescription", u.vehicleDescription());
    o.leaf("espIdentifier", u.espIdentifier());
    o.leaf("espService", u.espService());
    o.bool("compromisedAccount", u.compromisedAccount());
    o.leaf("screenName", u.screenName());
    o.leaves("displayName", u.displayNames());
    o.leaves("profileUrl", u.profileUrls());
    o.leaf("profileBio", u.profileBio());
    for (IpCaptureEvent e : u.ipCaptureEvents()) {
      ipCaptureEvent(o, e);
    }
    for (DeviceId d : u.deviceIds()) {
      deviceId(o, d);
    }
    o.bool("thirdPartyUserReported", u.thirdPartyUserReported());
    o.leaf("schoolName", u.schoolName());
    for (Long id : u.priorCTReports()) {
      o.leaf("priorCTReports", Long.toString(id));
    }
    o.leaf("groupIdentifier", u.groupIdentifier());
    if (u.accountTemporarilyDisabled().isPresent()) {
      accountDisabled(o, "accountTemporarilyDisabled", u.accountTemporarilyDisabled().get(), true);
    }
    if (u.accountPermanentlyDisabled().isPresent()) {
      accountDisabled(o, "accountPermanentlyDisabled", u.accountPermanentlyDisabled().get(), false);
    }
    if (u.estimatedLocation().isPresent()) {
      estimatedLocation(o, u.estimatedLocation().get());
    }
    o.bool("allEmailsReported", u.allEmailsReported());
    for (AssociatedAccount a : u.associatedAccounts()) {
      associatedAccount(o, a);
    }
    o.leaves("additionalInfo", u.additionalInfo());
    o.end();
  }

  private static String personElement(UserRole role) {
    return switch (role) {
      case REPORTED -> "personOrUserReportedPerson";
      case INTENDED_RECIPIENT -> "intendedRecipientPerson";
      case VICTIM -> "victimPerson";
    };
  }

  /** The §3.2 order, which differs from the user blocks. */
  private static void associatedAccount(Out o, AssociatedAccount a) throws XMLStreamException {
    o.start("associatedAccount", "type", wire(a.type()));
    if (a.platform().isPresent()) {
      o.leaf("platform", a.platform().get(), "thirdPartyUser", tri(a.thirdPartyUser()));
    }
    o.leaf("firstName", a.firstName());
    o.leaf("middleName", a.middleName());
    o.leaf("lastName", a.lastName());
    o.integer("approximateAge", a.approximateAge());
    o.leaf("dateOfBirth", a.dateOfBirth());
    for (Phone p : a.phones()) {
      phone(o, "phone", p);
    }
    for (Email e : a.emails()) {
      email(o, "email", e);
    }
    o.bool("allEmailsReported", a.allEmailsReported());
    for (Address ad : a.addresses()) {
      address(o, "address", ad);
    }
    o.leaf("espService", a.espService());
    o.leaf("espIdentifier", a.espIdentifier());
    o.leaves("profileUrl", a.profileUrls());
    o.leaf("screenName", a.screenName());
    o.leaves("displayName", a.displayNames());
    o.leaf("profileBio", a.profileBio());
    o.leaf("groupIdentifier", a.groupIdentifier());
    o.bool("compromisedAccount", a.compromisedAccount());
    if (a.accountTemporarilyDisabled().isPresent()) {
      accountDisabled(o, "accountTemporarilyDisabled", a.accountTemporarilyDisabled().get(), true);
    }
    if (a.accountPermanentlyDisabled().isPresent()) {
      accountDisabled(o, "accountPermanentlyDisabled", a.accountPermanentlyDisabled().get(), false);
    }
    for (IpCaptureEvent e : a.ipCaptureEvents()) {
      ipCaptureEvent(o, e);
    }
    for (DeviceId d : a.deviceIds()) {
      deviceId(o, d);
    }
    for (Long id : a.priorCTReports()) {
      o.leaf("priorCTReport", Long.toString(id));
    }
    o.leaf("additionalInfo", a.additionalInfo());
    o.end();
  }

  // ------------------------------------------------------------------ fileDetails

  private static void writeFile(Out o, String reportId, ReportedFile f) throws XMLStreamException {
    o.leaf("reportId", reportId);
    o.leaf("fileId", f.fileId());
    o.leaf("fileName", f.fileName());
    o.leaf("originalFileName", f.originalFileName());
    o.time("uploadedToEspTimestamp", f.uploadedToEspTimestamp());
    o.leaf("locationOfFile", f.locationOfFile());
    o.bool("fileViewedByEsp", f.fileViewedByEsp());
    o.bool("exifViewedByEsp", f.exifViewedByEsp());
    o.bool("publiclyAvailable", f.publiclyAvailable());
    o.wire("fileRelevance", f.relevance());
    if (!f.annotations().isEmpty()) {
      o.start("fileAnnotations");
      for (FileAnnotation a : f.annotations()) {
        o.flag(a.wire());
      }
      o.end();
    }
    o.wire("industryClassification", f.industryClassification());
    for (FileHash h : f.hashes()) {
      if (h.origin() == HashOrigin.ESP_ORIGINAL) {
        o.leaf("originalFileHash", h.value(), "hashType", h.label());
      }
    }
    for (IpCaptureEvent e : f.ipCaptureEvents()) {
      ipCaptureEvent(o, e);
    }
    for (DeviceId d : f.deviceIds()) {
      deviceId(o, d);
    }
    for (FileMetadata m : f.details()) {
      o.start("details", "type", wire(m.type()));
      for (NameValue nv : m.pairs()) {
        o.start("nameValuePair");
        o.leaf("name", nv.name());
        o.leaf("value", nv.value());
        o.end();
      }
      o.end();
    }
    o.leaves("additionalInfo", f.additionalInfo());
  }
}
