package org.tiptrace.link;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tiptrace.tip.AssociatedAccount;
import org.tiptrace.tip.AssociatedAccountType;
import org.tiptrace.tip.DeviceId;
import org.tiptrace.tip.Email;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.NameValue;
import org.tiptrace.tip.Phone;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;
import org.tiptrace.tip.UserRole;

/**
 * Extracts and normalises the identifiers of every person in a tip. Decisions, one line each:
 *
 * <ul>
 *   <li>ESP user id: scoped to {@code espService}, else the reporter's name, else the platform; an
 *       id without any scope is WEAK (numeric ids collide across ESPs).
 *   <li>Screen name: case-folded, scoped (WEAK) plus an any-service key (WEAK, weight 1).
 *   <li>Email: trimmed and case-folded as a whole. Gmail-style dot and plus rules are NOT applied:
 *       they hold for some providers only, and a rule applied to the wrong domain would merge two
 *       people; a missed link costs a manual merge, a false one sends police to the wrong door.
 *       STRONG only when {@code verified} is TRUE.
 *   <li>Phone: E.164 via libphonenumber; region from {@code countryCallingCode}, else US. A number
 *       that is not a possible number is kept as WEAK digits. Explicitly unverified is WEAK.
 *   <li>Device id: type folded to letters and digits, value case-folded. SSIDs (a network name,
 *       shared by a household or café) and values shorter than 6 characters are WEAK.
 *   <li>Payment id: the schema has no payment element; ESPs put it in {@code otherFields} (LE JSON
 *       extras) under names containing payment, paypal, venmo, cashapp or cashtag, or in an
 *       additional-info line "Payment ID: value". Other free text is not mined (too easy to
 *       misread).
 *   <li>Profile URL: scheme dropped, host case-folded without {@code www.}, query, fragment and
 *       trailing slash dropped; WEAK.
 *   <li>IP: the model's canonical text plus the UTC day of the capture; a capture without a known
 *       instant links nothing (it cannot be tied to a subscriber) and is not extracted.
 *   <li>Associated accounts: the ESP's own statement that another account has the same holder
 *       (types Linked, Billing, Business, Creator) adds that account's identifiers to the person;
 *       Parent/Guardian is another person and Other says nothing, so both are skipped.
 *   <li>File hashes: every hash of every file, attached to each reported person (the files are the
 *       report's, the reported persons are who shared them); WEAK.
 * </ul>
 */
final class IdentifierExtractor {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Pattern PAYMENT_LINE =
      Pattern.compile("(?i)^\\s*payment\\s*(?:id|account)\\s*[:=]\\s*(\\S+)\\s*$");
  private static final Set<AssociatedAccountType> SAME_HOLDER =
      EnumSet.of(
          AssociatedAccountType.LINKED,
          AssociatedAccountType.BILLING,
          AssociatedAccountType.BUSINESS,
          AssociatedAccountType.CREATOR);
  private static final List<String> PAYMENT_FIELD_WORDS =
      List.of("payment", "paypal", "venmo", "cashapp", "cashtag");

  private IdentifierExtractor() {}

  static List<PersonIdentifiers> extract(Tip tip) {
    Report report = tip.report();
    Optional<String> reportScope =
        report.reporter().flatMap(r -> r.espName()).or(() -> report.incidentSummary().platform());
    List<PersonIdentifiers> out = new ArrayList<>();
    addRole(out, tip, report, report.reportedUsers(), UserRole.REPORTED, reportScope);
    addRole(
        out, tip, report, report.intendedRecipients(), UserRole.INTENDED_RECIPIENT, reportScope);
    addRole(out, tip, report, report.victims(), UserRole.VICTIM, reportScope);
    return out;
  }

  private static void addRole(
      List<PersonIdentifiers> out,
      Tip tip,
      Report report,
      List<ReportedUser> users,
      UserRole role,
      Optional<String> reportScope) {
    for (int i = 0; i < users.size(); i++) {
      ReportedUser user = users.get(i);
      Map<String, Identifier> ids = new LinkedHashMap<>();
      user(ids, user, user.espService().or(() -> reportScope));
      if (role == UserRole.REPORTED) {
        for (ReportedFile file : report.files()) {
          for (IpCaptureEvent e : file.ipCaptureEvents()) {
            ip(ids, e);
          }
          for (FileHash h : file.hashes()) {
            fileHash(ids, h);
          }
        }
      }
      out.add(new PersonIdentifiers(new PersonRef(tip.id(), role, i), List.copyOf(ids.values())));
    }
  }

  private static void user(Map<String, Identifier> ids, ReportedUser user, Optional<String> scope) {
    account(ids, user.espIdentifier(), user.screenName(), scope);
    user.person().ifPresent(p -> person(ids, p.emails(), p.phones()));
    for (DeviceId d : user.deviceIds()) {
      device(ids, d);
    }
    for (String url : user.profileUrls()) {
      profileUrl(ids, url);
    }
    for (IpCaptureEvent e : user.ipCaptureEvents()) {
      ip(ids, e);
    }
    for (NameValue nv : user.otherFields()) {
      String name = fold(nv.name());
      if (PAYMENT_FIELD_WORDS.stream().anyMatch(name::contains) && !nv.value().isBlank()) {
        payment(ids, name, nv.value());
      }
    }
    for (String line : user.additionalInfo()) {
      Matcher m = PAYMENT_LINE.matcher(line);
      if (m.matches()) {
        payment(ids, "payment id", m.group(1));
      }
    }
    for (AssociatedAccount a : user.associatedAccounts()) {
      if (a.type().filter(SAME_HOLDER::contains).isEmpty()) {
        continue;
      }
      account(
          ids, a.espIdentifier(), a.screenName(), a.espService().or(a::platform).or(() -> scope));
      person(ids, a.emails(), a.phones());
      for (DeviceId d : a.deviceIds()) {
        device(ids, d);
      }
      for (String url : a.profileUrls()) {
        profileUrl(ids, url);
      }
      for (IpCaptureEvent e : a.ipCaptureEvents()) {
        ip(ids, e);
      }
    }
  }

  private static void account(
      Map<String, Identifier> ids,
      Optional<String> espIdentifier,
      Optional<String> screenName,
      Optional<String> scope) {
    Optional<String> scopeKey = scope.map(IdentifierExtractor::fold).filter(s -> !s.isEmpty());
    espIdentifier
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .ifPresent(
            id ->
                put(
                    ids,
                    IdentifierKind.ESP_USER_ID,
                    scopeKey.isPresent() ? Strength.STRONG : Strength.WEAK,
                    "esp|" + scopeKey.orElse("?") + "|" + id));
    screenName
        .map(IdentifierExtractor::fold)
        .filter(s -> !s.isEmpty())
        .ifPresent(
            sn -> {
              put(
                  ids,
                  IdentifierKind.SCREEN_NAME,
                  Strength.WEAK,
                  "sn|" + scopeKey.orElse("?") + "|" + sn);
              put(ids, IdentifierKind.SCREEN_NAME_ANY_SERVICE, Strength.WEAK, "sn*|" + sn);
            });
  }

  private static void person(Map<String, Identifier> ids, List<Email> emails, List<Phone> phones) {
    for (Email e : emails) {
      String address = fold(e.address());
      if (address.indexOf('@') > 0) {
        put(
            ids,
            IdentifierKind.EMAIL,
            e.verified() == TriState.TRUE ? Strength.STRONG : Strength.WEAK,
            "mail|" + address);
      }
    }
    for (Phone phone : phones) {
      phone(ids, phone);
    }
  }

  private static void phone(Map<String, Identifier> ids, Phone phone) {
    String region = "US";
    if (phone.countryCallingCode().isPresent()) {
      String digits = phone.countryCallingCode().get().replaceAll("[^0-9]", "");
      if (!digits.isEmpty() && digits.length() <= 3) {
        String r = PHONES.getRegionCodeForCountryCode(Integer.parseInt(digits));
        if (!"ZZ".equals(r)) {
          region = r;
        }
      }
    }
    Strength strength = phone.verified() == TriState.FALSE ? Strength.WEAK : Strength.STRONG;
    try {
      Phonenumber.PhoneNumber n = PHONES.parse(phone.number(), region);
      if (PHONES.isPossibleNumber(n)) {
        String e164 = PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
        put(ids, IdentifierKind.PHONE, strength, "tel|" + e164);
        return;
      }
    } catch (NumberParseException e) {
      // Not a phone number we can normalise: kept below as weak digits.
    }
    String digits = phone.number().replaceAll("[^0-9]", "");
    if (digits.length() >= 5) {
      put(ids, IdentifierKind.PHONE, Strength.WEAK, "tel?|" + digits);
    }
  }

  private static void device(Map<String, Identifier> ids, DeviceId d) {
    String type = fold(d.idType()).replaceAll("[^a-z0-9]", "");
    String value = fold(d.idValue());
    if (value.isEmpty()) {
      return;
    }
    boolean weak = type.contains("ssid") || value.length() < 6 || value.matches("[0:.-]+");
    put(
        ids,
        IdentifierKind.DEVICE_ID,
        weak ? Strength.WEAK : Strength.STRONG,
        "dev|" + type + "|" + value);
  }

  private static void payment(Map<String, Identifier> ids, String name, String value) {
    String v = fold(value);
    put(ids, IdentifierKind.PAYMENT_ID, Strength.STRONG, "pay|" + v);
  }

  static String normaliseProfileUrl(String url) {
    String text = url.strip();
    try {
      URI uri = new URI(text.contains("://") ? text : "https://" + text);
      String host = uri.getHost() == null ? "" : fold(uri.getHost());
      if (host.startsWith("www.")) {
        host = host.substring(4);
      }
      String path = uri.getPath() == null ? "" : uri.getPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      if (!host.isEmpty()) {
        return host + path;
      }
    } catch (URISyntaxException e) {
      // Falls through to the case-folded text.
    }
    return fold(text);
  }

  private static void profileUrl(Map<String, Identifier> ids, String url) {
    String norm = normaliseProfileUrl(url);
    if (!norm.isEmpty()) {
      put(ids, IdentifierKind.PROFILE_URL, Strength.WEAK, "url|" + norm);
    }
  }

  private static void ip(Map<String, Identifier> ids, IpCaptureEvent e) {
    Optional<Instant> at = e.dateTime().flatMap(ReportedTime::instant);
    if (at.isEmpty() || e.ipAddress().isBlank()) {
      return;
    }
    String ip = fold(e.ipAddress());
    String day = at.get().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    put(ids, IdentifierKind.IP_DAY, Strength.WEAK, "ip|" + ip + "|" + day);
  }

  private static void fileHash(Map<String, Identifier> ids, FileHash h) {
    if (h.value().isEmpty()) {
      return;
    }
    String alg = h.algorithm().name();
    put(ids, IdentifierKind.FILE_HASH, Strength.WEAK, "file|" + alg + "|" + h.value());
  }

  private static void put(
      Map<String, Identifier> ids, IdentifierKind kind, Strength strength, String key) {
    Identifier existing = ids.get(key);
    if (existing == null || (existing.strength() == Strength.WEAK && strength == Strength.STRONG)) {
      ids.put(key, new Identifier(kind, strength, key));
    }
  }

  /** Trims, case-folds (ROOT locale) and collapses inner whitespace runs to one space. */
  static String fold(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < t.length(); i++) {
      if (Character.isWhitespace(t.charAt(i))) {
        return t.replaceAll("\\s+", " ");
      }
    }
    return t;
  }
}
