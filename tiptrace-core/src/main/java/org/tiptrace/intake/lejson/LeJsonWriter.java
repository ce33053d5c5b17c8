package org.tiptrace.intake.lejson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tiptrace.tip.Address;
import org.tiptrace.tip.Email;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.IncidentSummary;
import org.tiptrace.tip.InternetDetail;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.NameValue;
import org.tiptrace.tip.Person;
import org.tiptrace.tip.Phone;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Reporter;
import org.tiptrace.tip.TriState;

/**
 * Writes a {@link Report} in the LE JSON download layout (reference cybertip-le-json.md §1): for
 * the synthetic generator, demo data and round-trip tests. Output is UTF-8 without a byte-order
 * mark, indented, keys in the reference's order; absent values are left out, except {@code
 * viewedByEsp}, written as {@code null} when unknown, as NCMEC does.
 *
 * <p>Reading the output with {@link LeJsonReader} gives back an equal report for everything the
 * layout can express. It cannot express, and therefore does not write:
 *
 * <ul>
 *   <li>report: {@code batchedReport}, {@code lawEnforcement}, {@code unknownElements}; summary
 *       {@code platform}, {@code escalateToHighPriority}, {@code reportAnnotations}; incident kinds
 *       other than web page and email; a web page's {@code thirdPartyHostedContent}; an email
 *       incident's addresses;
 *   <li>reporter: {@code contactPerson}, {@code companyTemplate}, {@code termsOfService}, {@code
 *       legalUrl}; the reporting person's age and date of birth;
 *   <li>users: every XML-only field ({@code vehicleDescription} as a model field, {@code
 *       compromisedAccount}, display names, bio, device ids, school, prior reports, group, account
 *       disablement, estimated location, {@code allEmailsReported}, associated accounts), an
 *       email's or phone's type and verification date, a phone's calling code and extension, an
 *       address's type and {@code nonUsaState}, street lines after the second, {@code
 *       ageAssertionDiscrepancy}, an IP capture's {@code possibleProxy};
 *   <li>files: upload time, relevance, annotations, hashes other than NCMEC's MD5, device ids,
 *       metadata types (all pairs are written as one {@code espMetadata} block).
 * </ul>
 *
 * Several {@code additionalInfo} texts of one incident come back joined, see {@link LeJsonReader}.
 */
public final class LeJsonWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter PRETTY =
      JsonMapper.builder().build().writerWithDefaultPrettyPrinter();

  /** A report number written as a JSON number: digits, no leading zero, fits a long. */
  private static final Pattern NUMERIC_ID = Pattern.compile("[1-9][0-9]{0,17}");

  private LeJsonWriter() {}

  /** The document as UTF-8 bytes. */
  public static byte[] writeBytes(Report report) {
    return write(report).getBytes(StandardCharsets.UTF_8);
  }

  /** The document as text. */
  public static String write(Report report) {
    try {
      return PRETTY.writeValueAsString(tree(report)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode tree(Report r) {
    ObjectNode root = NODES.objectNode();
    r.cybertipReportId()
        .ifPresent(
            id -> {
              if (NUMERIC_ID.matcher(id).matches()) {
                root.put("reportId", Long.parseLong(id));
              } else {
                root.put("reportId", id);
              }
            });
    r.dateReceived().ifPresent(t -> root.put("dateReceived", t.raw()));
    ObjectNode ri = root.putObject("reportedInformation");
    r.reporter().ifPresent(rep -> ri.set("reportingEsp", reporter(rep)));
    ri.set("incidentSummary", summary(r.incidentSummary()));
    ObjectNode details = incidentDetails(r.internetDetails());
    if (!details.isEmpty()) {
      ri.set("incidentDetails", details);
    }
    users(ri, "reportedPeople", "reportedPersons", r.reportedUsers());
    users(ri, "intendedRecipients", "intendedRecipients", r.intendedRecipients());
    users(ri, "victims", "victims", r.victims());
    if (!r.files().isEmpty()) {
      ArrayNode files = ri.putObject("uploadedFiles").putArray("uploadedFiles");
      r.files().forEach(f -> files.add(file(f)));
    }
    values(ri, "additionalInformations", r.additionalInfo());
    return root;
  }

  private static ObjectNode reporter(Reporter rep) {
    ObjectNode o = NODES.objectNode();
    put(o, "espName", rep.espName());
    rep.reportingPerson()
        .ifPresent(
            p -> {
              put(o, "firstName", p.firstName());
              put(o, "middleName", p.middleName());
              put(o, "lastName", p.lastName());
              contacts(o, p);
            });
    return o;
  }

  private static ObjectNode summary(IncidentSummary s) {
    ObjectNode o = NODES.objectNode();
    s.incidentType().ifPresent(t -> o.put("incidentType", t.wire()));
    s.incidentDateTime().ifPresent(t -> o.put("incidentDateTime", t.raw()));
    put(o, "incidentDateTimeDescription", s.incidentDateTimeDescription());
    return o;
  }

  private static ObjectNode incidentDetails(List<InternetDetail> details) {
    ObjectNode o = NODES.objectNode();
    ArrayNode web = NODES.arrayNode();
    ArrayNode email = NODES.arrayNode();
    for (InternetDetail d : details) {
      switch (d) {
        case InternetDetail.WebPage w -> {
          ObjectNode item = web.addObject();
          List<ObjectNode> captures = new ArrayList<>();
          w.urls().forEach(u -> captures.add(plainCapture(LeJsonLayout.CAPTURE_URL, u)));
          sourceInformation(item, captures);
          values(item, "additionalInformations", w.additionalInfo().stream().toList());
        }
        case InternetDetail.EmailIncident e -> {
          ObjectNode item = email.addObject();
          values(item, "contents", e.content().stream().toList());
          values(item, "additionalInformations", e.additionalInfo().stream().toList());
        }
        default -> {
          // Not expressible in this layout (see the class documentation).
        }
      }
    }
    if (!web.isEmpty()) {
      o.set("webpageIncident", web);
    }
    if (!email.isEmpty()) {
      o.set("emailIncident", email);
    }
    return o;
  }

  private static void users(ObjectNode ri, String key, String listKey, List<ReportedUser> users) {
    if (users.isEmpty()) {
      return;
    }
    ArrayNode list = ri.putObject(key).putArray(listKey);
    users.forEach(u -> list.add(user(u)));
  }

  private static ObjectNode user(ReportedUser u) {
    ObjectNode o = NODES.objectNode();
    Map<String, List<String>> publicFields = new LinkedHashMap<>();
    List<ObjectNode> captures = new ArrayList<>();
    u.ipCaptureEvents().forEach(e -> captures.add(ipCapture(e)));
    u.profileUrls()
        .forEach(url -> captures.add(plainCapture(LeJsonLayout.CAPTURE_PROFILE_URL, url)));
    for (NameValue nv : u.otherFields()) {
      if (LeJsonLayout.PUBLIC_REPORT_FIELD_SET.contains(nv.name())
          || nv.name().equals(LeJsonLayout.APPROXIMATE_AGE)) {
        publicFields.computeIfAbsent(nv.name(), k -> new ArrayList<>()).add(nv.value());
      } else {
        captures.add(plainCapture(nv.name(), nv.value()));
      }
    }
    u.person()
        .ifPresent(
            p -> {
              put(o, "firstName", p.firstName());
              put(o, "middleName", p.middleName());
              put(o, "lastName", p.lastName());
              put(o, "dateOfBirth", p.dateOfBirth());
              p.age().ifPresent(a -> o.put(LeJsonLayout.APPROXIMATE_AGE, a));
            });
    List<String> ageText = publicFields.remove(LeJsonLayout.APPROXIMATE_AGE);
    if (ageText != null && !o.has(LeJsonLayout.APPROXIMATE_AGE)) {
      o.put(LeJsonLayout.APPROXIMATE_AGE, ageText.getFirst());
    }
    put(o, "espUserId", u.espIdentifier());
    put(o, "espService", u.espService());
    u.screenName().ifPresent(s -> o.putObject("screenName").put("value", s));
    u.person().ifPresent(p -> contacts(o, p));
    sourceInformation(o, captures);
    values(o, "additionalInformations", u.additionalInfo());
    for (String field : LeJsonLayout.PUBLIC_REPORT_FIELDS) {
      List<String> v = publicFields.get(field);
      if (v == null) {
        continue;
      }
      if (v.size() == 1) {
        o.put(field, v.getFirst());
      } else {
        ArrayNode a = o.putArray(field);
        v.forEach(a::add);
      }
    }
    return o;
  }

  /** The emails, phones and addresses of a person, each in its double wrapper. */
  private static void contacts(ObjectNode o, Person p) {
    if (!p.emails().isEmpty()) {
      ArrayNode a = o.putObject("emails").putArray("emails");
      for (Email e : p.emails()) {
        ObjectNode item = a.addObject().put("value", e.address());
        verified(item, e.verified());
      }
    }
    if (!p.phones().isEmpty()) {
      ArrayNode a = o.putObject("phones").putArray("phones");
      for (Phone ph : p.phones()) {
        ObjectNode item = a.addObject().put("value", ph.number());
        verified(item, ph.verified());
      }
    }
    if (!p.addresses().isEmpty()) {
      ArrayNode a = o.putObject("addresses").putArray("addresses");
      for (Address ad : p.addresses()) {
        ObjectNode item = a.addObject();
        List<String> lines = ad.streetLines();
        if (!lines.isEmpty()) {
          item.put("street1", lines.get(0));
        }
        if (lines.size() > 1) {
          item.put("street2", lines.get(1));
        }
        put(item, "city", ad.city());
        put(item, "state", ad.state());
        put(item, "postalCode", ad.zipCode());
        put(item, "country", ad.country());
      }
    }
  }

  private static void verified(ObjectNode item, TriState v) {
    v.asOptional().ifPresent(b -> item.put("verified", b));
  }

  private static ObjectNode file(ReportedFile f) {
    ObjectNode o = NODES.objectNode();
    put(o, "filename", f.fileName());
    put(o, "originalFilename", f.originalFileName());
    put(o, "submittalId", f.fileId());
    f.hashes().stream()
        .filter(h -> h.algorithm() == HashAlgorithm.MD5 && h.origin() == HashOrigin.NCMEC_RECEIVED)
        .map(FileHash::value)
        .findFirst()
        .ifPresent(h -> o.put("verificationHash", h));
    switch (f.fileViewedByEsp()) {
      case TRUE -> o.put("viewedByEsp", true);
      case FALSE -> o.put("viewedByEsp", false);
      case UNKNOWN -> o.putNull("viewedByEsp");
    }
    f.exifViewedByEsp().asOptional().ifPresent(b -> o.put("exifViewedByEsp", b));
    f.publiclyAvailable().asOptional().ifPresent(b -> o.put("publiclyAvailable", b));
    f.industryClassification().ifPresent(c -> o.put("industryClassification", c.wire()));
    if (!f.ncmecTags().isEmpty()) {
      ArrayNode groups = o.putObject("ncmecTags").putArray("groups");
      values(groups.addObject(), "tags", f.ncmecTags());
    }
    List<NameValue> pairs = f.details().stream().flatMap(d -> d.pairs().stream()).toList();
    if (!pairs.isEmpty()) {
      ArrayNode a = o.putObject("espMetadata").putArray("metadatas");
      pairs.forEach(nv -> a.addObject().put("name", nv.name()).put("value", nv.value()));
    }
    List<ObjectNode> captures = new ArrayList<>();
    f.ipCaptureEvents().forEach(e -> captures.add(ipCapture(e)));
    f.locationOfFile().ifPresent(u -> captures.add(plainCapture(LeJsonLayout.CAPTURE_URL, u)));
    sourceInformation(o, captures);
    values(o, "additionalInformations", f.additionalInfo());
    return o;
  }

  private static void sourceInformation(ObjectNode o, List<ObjectNode> captures) {
    if (!captures.isEmpty()) {
      ArrayNode a = o.putObject("sourceInformation").putArray("sourceCaptures");
      captures.forEach(a::add);
    }
  }

  private static ObjectNode ipCapture(IpCaptureEvent e) {
    ObjectNode c = NODES.objectNode();
    c.put("captureType", LeJsonLayout.CAPTURE_IP);
    c.put("value", e.rawIpAddress().orElse(e.ipAddress()));
    e.dateTime().ifPresentOrElse(t -> c.put("dateTime", t.raw()), () -> c.putNull("dateTime"));
    e.port().ifPresentOrElse(p -> c.put("port", p), () -> c.putNull("port"));
    e.eventName().ifPresentOrElse(n -> c.put("eventName", n.wire()), () -> c.putNull("eventName"));
    return c;
  }

  private static ObjectNode plainCapture(String type, String value) {
    return NODES.objectNode().put("captureType", type).put("value", value);
  }

  /** {@code key: [ { "value": … } ]}, left out when empty. */
  private static void values(ObjectNode o, String key, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = o.putArray(key);
      values.forEach(v -> a.addObject().put("value", v));
    }
  }

  private static void put(ObjectNode o, String key, Optional<String> value) {
    value.ifPresent(v -> o.put(key, v));
  }
}
