package org.tiptrace.intake.lejson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.Problem;
import org.tiptrace.intake.Severity;
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
import org.tiptrace.tip.TriState;
import org.tiptrace.tip.UnknownElement;
import org.tiptrace.tip.UserRole;
import org.tiptrace.tip.WireValue;

/**
 * Maps one located LE JSON tree onto the tip model, collecting problems and unknown content. One
 * instance per document; not thread-safe. See {@link LeJsonReader} for the rules it applies.
 */
final class ReportMapping {
  private static final Pattern MD5_HEX = Pattern.compile("[0-9a-fA-F]{32}");
  private static final int MAX_QUOTED = 60;

  private final String source;
  private final ParseMode mode;
  private final Map<String, LocatedTree.Location> locations;
  private final List<Problem> problems = new ArrayList<>();
  private final List<UnknownElement> unknowns = new ArrayList<>();

  ReportMapping(String source, ParseMode mode, Map<String, LocatedTree.Location> locations) {
    this.source = source;
    this.mode = mode;
    this.locations = locations;
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  /** An object being mapped: remembers which keys were read, so the rest can be reported. */
  private static final class Obj {
    final ObjectNode node;
    final String pointer;
    final Set<String> read = new HashSet<>();

    Obj(ObjectNode node, String pointer) {
      this.node = node;
      this.pointer = pointer;
    }

    @Nullable JsonNode get(String key) {
      read.add(key);
      return node.get(key);
    }

    String at(String key) {
      return pointer + "/" + LocatedTree.escape(key);
    }
  }

  /** An element of an array with its pointer. */
  private record Item(JsonNode node, String pointer) {}

  // ---------------------------------------------------------------- report

  Report map(ObjectNode root) {
    Obj top = new Obj(root, "");
    Optional<String> reportId = reportId(top);
    Optional<ReportedTime> dateReceived = time(top.get("dateReceived"), top.at("dateReceived"));
    Optional<Obj> info = object(top, "reportedInformation");
    finish(top);
    if (info.isEmpty()) {
      problem(
          mode == ParseMode.STRICT ? Severity.ERROR : Severity.WARNING,
          "/reportedInformation",
          "no reportedInformation: the report carries no reporter, users or files");
      return new Report(
          SourceFormat.LE_JSON,
          reportId,
          dateReceived,
          Optional.empty(),
          emptySummary(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          unknowns);
    }
    Obj ri = info.get();
    Optional<Reporter> reporter = object(ri, "reportingEsp").map(this::reporter);
    IncidentSummary summary =
        object(ri, "incidentSummary").map(this::summary).orElse(emptySummary());
    List<InternetDetail> details =
        object(ri, "incidentDetails").map(this::incidentDetails).orElse(List.of());
    List<ReportedUser> reported = users(ri, "reportedPeople", "reportedPersons", UserRole.REPORTED);
    List<ReportedUser> recipients =
        users(ri, "intendedRecipients", "intendedRecipients", UserRole.INTENDED_RECIPIENT);
    // The reference does not know the victims key (L); assumed shaped like the other user blocks.
    List<ReportedUser> victims = users(ri, "victims", "victims", UserRole.VICTIM);
    List<ReportedFile> files = new ArrayList<>();
    object(ri, "uploadedFiles")
        .ifPresent(
            wrapper -> {
              for (Item item : array(wrapper, "uploadedFiles")) {
                itemObject(item).map(this::file).ifPresent(files::add);
              }
              finish(wrapper);
            });
    List<String> additional = infos(ri, "additionalInformations");
    finish(ri);
    return new Report(
        SourceFormat.LE_JSON,
        reportId,
        dateReceived,
        Optional.empty(),
        summary,
        details,
        Optional.empty(),
        reporter,
        reported,
        recipients,
        victims,
        files,
        additional,
        unknowns);
  }

  private static IncidentSummary emptySummary() {
    return new IncidentSummary(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        Optional.empty());
  }

  private Optional<String> reportId(Obj top) {
    JsonNode n = top.get("reportId");
    String ptr = top.at("reportId");
    if (isAbsent(n)) {
      return Optional.empty();
    }
    if (n.isIntegralNumber()) {
      return Optional.of(n.bigIntegerValue().toString());
    }
    if (n.isTextual()) {
      return Optional.of(n.textValue().strip());
    }
    typeError(ptr, "a whole number or a string", n);
    return Optional.empty();
  }

  private Reporter reporter(Obj o) {
    Optional<String> espName = text(o, "espName");
    Optional<Person> person = person(o, false, new ArrayList<>());
    finish(o);
    return new Reporter(
        espName, person, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private IncidentSummary summary(Obj o) {
    Optional<IncidentType> type = Optional.empty();
    Optional<String> typeText = text(o, "incidentType");
    if (typeText.isPresent()) {
      type = WireValue.parse(IncidentType.class, typeText.get());
      if (type.isEmpty()) {
        error(
            o.at("incidentType"),
            "unknown incidentType "
                + quote(typeText.get())
                + "; expected one of "
                + wires(IncidentType.values()));
      }
    }
    Optional<ReportedTime> when = time(o.get("incidentDateTime"), o.at("incidentDateTime"));
    Optional<String> description = text(o, "incidentDateTimeDescription");
    finish(o);
    return new IncidentSummary(
        type, Optional.empty(), Optional.empty(), Set.of(), when, description);
  }

  // ------------------------------------------------------- incident details

  private List<InternetDetail> incidentDetails(Obj o) {
    List<InternetDetail> out = new ArrayList<>();
    for (Item item : array(o, "webpageIncident")) {
      itemObject(item).map(this::webPage).ifPresent(out::add);
    }
    for (Item item : array(o, "emailIncident")) {
      itemObject(item).map(this::emailIncident).ifPresent(out::add);
    }
    // Other incident kinds exist in the XML, but their LE JSON key names are unknown (reference §1,
    // L): they are unknown keys like any other, named as incident kinds in the message.
    finish(o, "incident kind");
    return out;
  }

  private InternetDetail webPage(Obj o) {
    List<String> urls = new ArrayList<>();
    for (Capture c : captures(o)) {
      if (c instanceof Capture.Plain p
          && LeJsonLayout.sameCaptureType(p.type(), LeJsonLayout.CAPTURE_URL)
          && !p.extras()) {
        urls.add(p.value());
      } else {
        unrepresentable(
            c, "a web page incident keeps only URL captures without time, port or event");
      }
    }
    Optional<String> info = joined(infos(o, "additionalInformations"));
    finish(o);
    return new InternetDetail.WebPage(TriState.UNKNOWN, urls, info);
  }

  private InternetDetail emailIncident(Obj o) {
    Optional<String> content = joined(infos(o, "contents"));
    Optional<String> info = joined(infos(o, "additionalInformations"));
    finish(o);
    return new InternetDetail.EmailIncident(List.of(), content, info);
  }

  /** Several text blocks where the model holds one: joined by a line break, order kept. */
  private static Optional<String> joined(List<String> parts) {
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", parts));
  }

  // ------------------------------------------------------------------ users

  private List<ReportedUser> users(Obj parent, String key, String listKey, UserRole role) {
    List<ReportedUser> out = new ArrayList<>();
    object(parent, key)
        .ifPresent(
            wrapper -> {
              for (Item item : array(wrapper, listKey)) {
                itemObject(item).map(o -> user(o, role)).ifPresent(out::add);
              }
              finish(wrapper);
            });
    return out;
  }

  private ReportedUser user(Obj o, UserRole role) {
    List<NameValue> other = new ArrayList<>();
    List<IpCaptureEvent> ips = new ArrayList<>();
    List<String> profileUrls = new ArrayList<>();
    for (Capture c : captures(o)) {
      switch (c) {
        case Capture.Ip ip -> ips.add(ip.event());
        case Capture.Plain p when p.extras() ->
            unrepresentable(c, "only IP captures keep a time, port or event");
        case Capture.Plain p
            when LeJsonLayout.sameCaptureType(p.type(), LeJsonLayout.CAPTURE_PROFILE_URL) ->
            profileUrls.add(p.value());
        case Capture.Plain p -> other.add(new NameValue(p.type(), p.value()));
      }
    }
    Optional<Person> person = person(o, true, other);
    Optional<String> espUserId = text(o, "espUserId");
    Optional<String> espService = text(o, "espService");
    Optional<String> screenName = Optional.empty();
    Optional<Obj> sn = object(o, "screenName");
    if (sn.isPresent()) {
      screenName = text(sn.get(), "value");
      finish(sn.get());
    }
    for (String field : LeJsonLayout.PUBLIC_REPORT_FIELDS) {
      publicField(o, field, other);
    }
    List<String> infos = infos(o, "additionalInformations");
    finish(o);
    return new ReportedUser(
        role,
        person,
        Optional.empty(),
        espUserId,
        espService,
        TriState.UNKNOWN,
        screenName,
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
        infos,
        other);
  }

  /**
   * The person fields of a user or of {@code reportingEsp}; empty when none is present. An {@code
   * approximateAge} that is text but not a whole number goes to {@code other}.
   */
  private Optional<Person> person(Obj o, boolean withAge, List<NameValue> other) {
    Optional<String> first = text(o, "firstName");
    Optional<String> middle = text(o, "middleName");
    Optional<String> last = text(o, "lastName");
    Optional<String> dob = withAge ? text(o, "dateOfBirth") : Optional.empty();
    OptionalInt age = withAge ? age(o, other) : OptionalInt.empty();
    List<Email> emails = new ArrayList<>();
    List<Phone> phones = new ArrayList<>();
    List<Address> addresses = new ArrayList<>();
    object(o, "emails")
        .ifPresent(
            w -> {
              for (Item item : array(w, "emails")) {
                itemObject(item).flatMap(this::email).ifPresent(emails::add);
              }
              finish(w);
            });
    object(o, "phones")
        .ifPresent(
            w -> {
              for (Item item : array(w, "phones")) {
                itemObject(item).flatMap(this::phone).ifPresent(phones::add);
              }
              finish(w);
            });
    object(o, "addresses")
        .ifPresent(
            w -> {
              for (Item item : array(w, "addresses")) {
                itemObject(item).flatMap(this::address).ifPresent(addresses::add);
              }
              finish(w);
            });
    if (first.isEmpty()
        && middle.isEmpty()
        && last.isEmpty()
        && dob.isEmpty()
        && age.isEmpty()
        && emails.isEmpty()
        && phones.isEmpty()
        && addresses.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Person(first, middle, last, phones, emails, addresses, age, dob, TriState.UNKNOWN));
  }

  private OptionalInt age(Obj o, List<NameValue> other) {
    String key = LeJsonLayout.APPROXIMATE_AGE;
    JsonNode n = o.get(key);
    if (isAbsent(n)) {
      return OptionalInt.empty();
    }
    if (n.isTextual() && !n.textValue().strip().matches("[0-9]{1,9}")) {
      other.add(new NameValue(key, n.textValue()));
      return OptionalInt.empty();
    }
    if (n.isTextual()) {
      // Digits as text: the same whole number, checked like one.
      n = new BigIntegerNode(new BigInteger(n.textValue().strip()));
    }
    return integer(n, o.at(key), 0, 150, "an age");
  }

  private Optional<Email> email(Obj o) {
    Optional<String> value = text(o, "value");
    TriState verified = bool(o, "verified");
    if (value.isEmpty()) {
      return requiredMissing(o, "value", verified.isKnown());
    }
    finish(o);
    return Optional.of(new Email(value.get(), Optional.empty(), verified, Optional.empty()));
  }

  private Optional<Phone> phone(Obj o) {
    Optional<String> value = text(o, "value");
    TriState verified = bool(o, "verified");
    if (value.isEmpty()) {
      return requiredMissing(o, "value", verified.isKnown());
    }
    finish(o);
    return Optional.of(
        new Phone(
            value.get(),
            Optional.empty(),
            verified,
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
  }

  private Optional<Address> address(Obj o) {
    Optional<String> street1 = text(o, "street1");
    Optional<String> street2 = text(o, "street2");
    Optional<String> city = text(o, "city");
    Optional<String> state = text(o, "state");
    Optional<String> postalCode = text(o, "postalCode");
    Optional<String> country = text(o, "country");
    finish(o);
    List<String> lines = new ArrayList<>();
    street1.ifPresent(lines::add);
    street2.ifPresent(lines::add);
    if (lines.isEmpty()
        && city.isEmpty()
        && state.isEmpty()
        && postalCode.isEmpty()
        && country.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Address(Optional.empty(), lines, city, postalCode, state, Optional.empty(), country));
  }

  /** A public-report field, kept verbatim: scalars as text, a list as one entry per element. */
  private void publicField(Obj o, String key, List<NameValue> other) {
    JsonNode n = o.get(key);
    if (isAbsent(n)) {
      return;
    }
    if (n.isArray()) {
      for (JsonNode e : n) {
        if (!isAbsent(e)) {
          other.add(new NameValue(key, e.isTextual() ? e.textValue() : e.toString()));
        }
      }
    } else {
      other.add(new NameValue(key, n.isTextual() ? n.textValue() : n.toString()));
    }
  }

  // ------------------------------------------------------------------ files

  private ReportedFile file(Obj o) {
    Optional<String> fileName = text(o, "filename");
    Optional<String> original = text(o, "originalFilename");
    Optional<String> fileId = text(o, "submittalId");
    List<FileHash> hashes = new ArrayList<>();
    Optional<String> md5 = text(o, "verificationHash");
    if (md5.isPresent()) {
      if (MD5_HEX.matcher(md5.get().strip()).matches()) {
        hashes.add(
            new FileHash(
                HashAlgorithm.MD5, "verificationHash", md5.get(), HashOrigin.NCMEC_RECEIVED));
      } else {
        error(o.at("verificationHash"), "not an MD5 (32 hex digits): " + quote(md5.get()));
      }
    }
    TriState viewed = bool(o, "viewedByEsp");
    TriState exifViewed = bool(o, "exifViewedByEsp");
    TriState publiclyAvailable = bool(o, "publiclyAvailable");
    Optional<IndustryClassification> classification = Optional.empty();
    Optional<String> ic = text(o, "industryClassification");
    if (ic.isPresent()) {
      classification = WireValue.parse(IndustryClassification.class, ic.get());
      if (classification.isEmpty()) {
        error(
            o.at("industryClassification"),
            "unknown industryClassification "
                + quote(ic.get())
                + "; expected one of "
                + wires(IndustryClassification.values()));
      }
    }
    List<String> tags = new ArrayList<>();
    object(o, "ncmecTags")
        .ifPresent(
            t -> {
              for (Item g : array(t, "groups")) {
                itemObject(g)
                    .ifPresent(
                        group -> {
                          tags.addAll(infos(group, "tags"));
                          finish(group);
                        });
              }
              finish(t);
            });
    List<NameValue> pairs = new ArrayList<>();
    object(o, "espMetadata")
        .ifPresent(
            m -> {
              for (Item item : array(m, "metadatas")) {
                itemObject(item).flatMap(this::nameValue).ifPresent(pairs::add);
              }
              finish(m);
            });
    List<IpCaptureEvent> ips = new ArrayList<>();
    Optional<String> location = Optional.empty();
    for (Capture c : captures(o)) {
      if (c instanceof Capture.Ip ip) {
        ips.add(ip.event());
      } else if (c instanceof Capture.Plain p
          && location.isEmpty()
          && !p.extras()
          && LeJsonLayout.sameCaptureType(p.type(), LeJsonLayout.CAPTURE_URL)) {
        location = Optional.of(p.value());
      } else {
        unrepresentable(c, "a file keeps IP captures and one URL capture (its location)");
      }
    }
    List<String> infos = infos(o, "additionalInformations");
    finish(o);
    return new ReportedFile(
        fileId,
        fileName,
        original,
        Optional.empty(),
        location,
        viewed,
        exifViewed,
        publiclyAvailable,
        Optional.empty(),
        Set.of(),
        classification,
        hashes,
        ips,
        List.of(),
        pairs.isEmpty() ? List.of() : List.of(new FileMetadata(Optional.empty(), pairs)),
        infos,
        tags);
  }

  private Optional<NameValue> nameValue(Obj o) {
    Optional<String> name = text(o, "name");
    Optional<String> value = text(o, "value");
    if (value.isEmpty()) {
      finish(o); // a name without a value: not provided
      return Optional.empty();
    }
    if (name.isEmpty()) {
      return requiredMissing(o, "name", true);
    }
    finish(o);
    return Optional.of(new NameValue(name.get(), value.get()));
  }

  // --------------------------------------------------------------- captures

  /** One {@code sourceCaptures} entry. */
  private sealed interface Capture {
    record Ip(IpCaptureEvent event, String pointer, ObjectNode node) implements Capture {}

    /**
     * @param extras it also carries a time, port or event, which the model keeps for IPs only
     */
    record Plain(String type, String value, boolean extras, String pointer, ObjectNode node)
        implements Capture {}
  }

  private List<Capture> captures(Obj owner) {
    List<Capture> out = new ArrayList<>();
    object(owner, "sourceInformation")
        .ifPresent(
            si -> {
              for (Item item : array(si, "sourceCaptures")) {
                itemObject(item).flatMap(this::capture).ifPresent(out::add);
              }
              finish(si);
            });
    return out;
  }

  private Optional<Capture> capture(Obj o) {
    Optional<String> type = text(o, "captureType");
    Optional<String> value = text(o, "value");
    JsonNode dateTime = o.get("dateTime");
    JsonNode port = o.get("port");
    JsonNode eventName = o.get("eventName");
    boolean extras = !isAbsent(dateTime) || !isAbsent(port) || !isAbsent(eventName);
    if (type.isEmpty()) {
      return requiredMissing(o, "captureType", value.isPresent() || extras);
    }
    if (value.isEmpty()) {
      return requiredMissing(o, "value", true);
    }
    if (!LeJsonLayout.sameCaptureType(type.get(), LeJsonLayout.CAPTURE_IP)) {
      finish(o);
      return Optional.of(
          new Capture.Plain(type.get().strip(), value.get(), extras, o.pointer, o.node));
    }
    Optional<String> ip = IpAddresses.canonical(value.get());
    if (ip.isEmpty()) {
      error(o.at("value"), "not an IPv4 or IPv6 address: " + quote(value.get()));
    }
    Optional<IpCaptureType> event = Optional.empty();
    Optional<String> eventText = textValue(eventName, o.at("eventName"));
    if (eventText.isPresent()) {
      event = WireValue.parseIgnoringCase(IpCaptureType.class, eventText.get());
      if (event.isEmpty()) {
        error(
            o.at("eventName"),
            "unknown eventName "
                + quote(eventText.get())
                + "; expected one of (any case) "
                + wires(IpCaptureType.values()));
      }
    }
    OptionalInt portValue = integer(port, o.at("port"), 0, 65535, "a port");
    Optional<ReportedTime> time = time(dateTime, o.at("dateTime"));
    finish(o);
    if (ip.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> raw = ip.get().equals(value.get()) ? Optional.empty() : value;
    return Optional.of(
        new Capture.Ip(
            new IpCaptureEvent(ip.get(), raw, event, time, TriState.UNKNOWN, portValue),
            o.pointer,
            o.node));
  }

  /** A capture that has no place in the model where it occurs: kept whole, with a warning. */
  private void unrepresentable(Capture c, String why) {
    String ptr;
    ObjectNode node;
    switch (c) {
      case Capture.Ip ip -> {
        ptr = ip.pointer();
        node = ip.node();
      }
      case Capture.Plain p -> {
        ptr = p.pointer();
        node = p.node();
      }
    }
    unknowns.add(new UnknownElement(ptr, node.toString()));
    problem(Severity.WARNING, ptr, why + "; this capture is kept as an unknown element");
  }

  // ---------------------------------------------------------- typed access

  /** {@code [ { "value": … } ]} lists: the present values, in order. */
  private List<String> infos(Obj o, String key) {
    List<String> out = new ArrayList<>();
    for (Item item : array(o, key)) {
      itemObject(item)
          .ifPresent(
              v -> {
                text(v, "value").ifPresent(out::add);
                finish(v);
              });
    }
    return out;
  }

  private Optional<Obj> object(Obj parent, String key) {
    JsonNode n = parent.get(key);
    String ptr = parent.at(key);
    if (isAbsent(n)) {
      return Optional.empty();
    }
    if (n instanceof ObjectNode obj) {
      return Optional.of(new Obj(obj, ptr));
    }
    typeError(ptr, "an object", n);
    return Optional.empty();
  }

  private List<Item> array(Obj parent, String key) {
    JsonNode n = parent.get(key);
    String ptr = parent.at(key);
    if (isAbsent(n)) {
      return List.of();
    }
    if (!n.isArray()) {
      typeError(ptr, "an array", n);
      return List.of();
    }
    List<Item> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      out.add(new Item(n.get(i), ptr + "/" + i));
    }
    return out;
  }

  private Optional<Obj> itemObject(Item item) {
    if (isAbsent(item.node())) {
      return Optional.empty();
    }
    if (item.node() instanceof ObjectNode obj) {
      return Optional.of(new Obj(obj, item.pointer()));
    }
    typeError(item.pointer(), "an object", item.node());
    return Optional.empty();
  }

  private Optional<String> text(Obj o, String key) {
    return textValue(o.get(key), o.at(key));
  }

  /**
   * Text, or empty when not provided. A number where text is expected (an id or a postal code
   * written as a number) is kept as its digits with a warning in TOLERANT mode.
   */
  private Optional<String> textValue(@Nullable JsonNode n, String ptr) {
    if (isAbsent(n)) {
      return Optional.empty();
    }
    if (n.isTextual()) {
      return Optional.of(n.textValue());
    }
    if (n.isNumber() && mode == ParseMode.TOLERANT) {
      problem(Severity.WARNING, ptr, "expected a string, found a number; kept as text " + n);
      return Optional.of(n.asText());
    }
    typeError(ptr, "a string", n);
    return Optional.empty();
  }

  private TriState bool(Obj o, String key) {
    JsonNode n = o.get(key);
    if (isAbsent(n)) {
      return TriState.UNKNOWN;
    }
    if (n.isBoolean()) {
      return TriState.of(n.booleanValue());
    }
    typeError(o.at(key), "true, false or null", n);
    return TriState.UNKNOWN;
  }

  private OptionalInt integer(@Nullable JsonNode n, String ptr, int min, int max, String what) {
    if (isAbsent(n)) {
      return OptionalInt.empty();
    }
    if (!n.isIntegralNumber()) {
      typeError(ptr, "a whole number (" + what + ")", n);
      return OptionalInt.empty();
    }
    BigInteger v = n.bigIntegerValue();
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      error(ptr, what + " must be " + min + ".." + max + ", was " + v);
      return OptionalInt.empty();
    }
    return OptionalInt.of(v.intValueExact());
  }

  private Optional<ReportedTime> time(@Nullable JsonNode n, String ptr) {
    Optional<String> text = textValue(n, ptr);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    ReportedTime t;
    try {
      t = ReportedTime.parse(text.get());
    } catch (DateTimeParseException e) {
      error(ptr, "not a date-time such as 2025-03-14T21:07:31Z: " + quote(text.get()));
      return Optional.empty();
    }
    if (!t.zoneKnown()) {
      if (mode == ParseMode.STRICT) {
        error(ptr, "time " + quote(text.get()) + " has no zone or offset (expected UTC with Z)");
        return Optional.empty();
      }
      problem(
          Severity.WARNING,
          ptr,
          "time " + quote(text.get()) + " has no zone or offset; kept with its zone unknown");
    }
    return Optional.of(t);
  }

  /**
   * An item lacks the key that makes it meaningful. With nothing else in it, it is simply not
   * provided; otherwise STRICT rejects it and TOLERANT keeps it whole as an unknown element.
   */
  private <T> Optional<T> requiredMissing(Obj o, String key, boolean hasOtherContent) {
    if (!hasOtherContent) {
      finish(o);
      return Optional.empty();
    }
    if (mode == ParseMode.STRICT) {
      error(o.at(key), key + " is missing although the entry has other content");
    } else {
      unknowns.add(new UnknownElement(o.pointer, o.node.toString()));
      problem(
          Severity.WARNING,
          o.at(key),
          key + " is missing although the entry has other content; entry kept as unknown element");
    }
    return Optional.empty();
  }

  /** Reports every key of {@code o} that no mapping read. */
  private void finish(Obj o) {
    finish(o, "key");
  }

  private void finish(Obj o, String what) {
    for (Map.Entry<String, JsonNode> e : o.node.properties()) {
      if (o.read.contains(e.getKey())) {
        continue;
      }
      String ptr = o.at(e.getKey());
      if (mode == ParseMode.STRICT) {
        error(ptr, "unknown " + what + " '" + e.getKey() + "'");
      } else {
        unknowns.add(new UnknownElement(ptr, e.getValue().toString()));
        problem(
            Severity.WARNING,
            ptr,
            "unknown " + what + " '" + e.getKey() + "' kept as unknown element");
      }
    }
  }

  /**
   * Missing key, {@code null}, an empty list, an empty or blank string and the text {@code N/A} all
   * mean "not provided" (reference, null and absence semantics).
   */
  static boolean isAbsent(@Nullable JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return true;
    }
    if (n.isTextual()) {
      String s = n.textValue().strip();
      return s.isEmpty() || s.equalsIgnoreCase("N/A");
    }
    return n.isArray() && n.isEmpty();
  }

  // --------------------------------------------------------------- problems

  private void typeError(String ptr, String expected, JsonNode found) {
    String what =
        switch (found.getNodeType()) {
          case OBJECT -> "an object";
          case ARRAY -> "an array";
          case STRING -> "a string " + quote(found.textValue());
          case NUMBER -> "a number " + found;
          case BOOLEAN -> "a boolean " + found;
          default -> found.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    error(ptr, "expected " + expected + ", found " + what);
  }

  private void error(String ptr, String reason) {
    problem(Severity.ERROR, ptr, reason);
  }

  private void problem(Severity severity, String ptr, String reason) {
    LocatedTree.Location at = locate(ptr);
    int line = at == null ? 0 : at.line();
    int column = at == null ? 0 : at.column();
    problems.add(
        severity == Severity.ERROR
            ? Problem.error(source, line, column, ptr, reason)
            : Problem.warning(source, line, column, ptr, reason));
  }

  /** The location of the pointer, or of its nearest ancestor that has one (a missing key). */
  private LocatedTree.@Nullable Location locate(String ptr) {
    String p = ptr;
    while (true) {
      LocatedTree.Location at = locations.get(p);
      if (at != null || p.isEmpty()) {
        return at;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  private static String quote(String s) {
    String shown = s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED) + "…" : s;
    return "'" + shown + "'";
  }

  private static String wires(WireValue[] values) {
    return Arrays.stream(values).map(WireValue::wire).collect(Collectors.joining(", "));
  }
}
