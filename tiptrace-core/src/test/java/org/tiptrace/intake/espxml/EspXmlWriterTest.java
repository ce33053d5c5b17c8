package org.tiptrace.intake.espxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.tip.AccountDisabled;
import org.tiptrace.tip.Address;
import org.tiptrace.tip.AddressType;
import org.tiptrace.tip.AssociatedAccount;
import org.tiptrace.tip.AssociatedAccountType;
import org.tiptrace.tip.BatchedReportReason;
import org.tiptrace.tip.DeviceId;
import org.tiptrace.tip.Email;
import org.tiptrace.tip.EmailType;
import org.tiptrace.tip.EstimatedLocation;
import org.tiptrace.tip.FileAnnotation;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.FileMetadata;
import org.tiptrace.tip.FileRelevance;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.IncidentSummary;
import org.tiptrace.tip.IncidentType;
import org.tiptrace.tip.IndustryClassification;
import org.tiptrace.tip.InternetDetail;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.IpCaptureType;
import org.tiptrace.tip.LawEnforcement;
import org.tiptrace.tip.MetadataType;
import org.tiptrace.tip.NameValue;
import org.tiptrace.tip.Person;
import org.tiptrace.tip.Phone;
import org.tiptrace.tip.PhoneType;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportAnnotation;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Reporter;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.TriState;
import org.tiptrace.tip.UserRole;

class EspXmlWriterTest {

  private static Report readReport(byte[] xml, ParseMode mode) {
    ParseResult r = EspXmlFixtures.read("written.xml", xml, mode);
    assertThat(r).as("%s", r.problems()).isInstanceOf(ParseResult.ReportParsed.class);
    assertThat(r.problems()).isEmpty();
    return ((ParseResult.ReportParsed) r).report();
  }

  private static ParseResult.FileDetailsParsed readFile(byte[] xml) {
    ParseResult r = EspXmlFixtures.read("written.xml", xml, ParseMode.STRICT);
    assertThat(r).as("%s", r.problems()).isInstanceOf(ParseResult.FileDetailsParsed.class);
    assertThat(r.problems()).isEmpty();
    return (ParseResult.FileDetailsParsed) r;
  }

  @Test
  void referenceReportRoundTrips() {
    Report original = readReport(EspXmlFixtures.bytes(EspXmlFixtures.REPORT), ParseMode.STRICT);

    byte[] written = EspXmlWriter.report(original);

    assertThat(readReport(written, ParseMode.STRICT)).isEqualTo(original);
    String text = new String(written, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .contains("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .contains("xsi:noNamespaceSchemaLocation=\"https://report.cybertip.org/ispws/xsd\"")
        .contains("<csamSolicitation/>");
  }

  @Test
  void allElementsReportRoundTrips() {
    Report original =
        readReport(EspXmlFixtures.bytes(EspXmlFixtures.ALL_ELEMENTS), ParseMode.STRICT);

    assertThat(readReport(EspXmlWriter.report(original), ParseMode.STRICT)).isEqualTo(original);
  }

  @Test
  void referenceFileDetailsRoundTrips() {
    ParseResult.FileDetailsParsed original =
        readFile(EspXmlFixtures.bytes(EspXmlFixtures.FILE_DETAILS));

    byte[] written = EspXmlWriter.fileDetails(original.reportId(), original.file());

    ParseResult.FileDetailsParsed back = readFile(written);
    assertThat(back.reportId()).isEqualTo("4815162");
    assertThat(back.file()).isEqualTo(original.file());
  }

  @Test
  void uglyFileDetailsRoundTripsOnceRead() {
    ParseResult.FileDetailsParsed ugly =
        (ParseResult.FileDetailsParsed)
            EspXmlFixtures.fixture(EspXmlFixtures.UGLY_FILE, ParseMode.TOLERANT);

    ParseResult.FileDetailsParsed back = readFile(EspXmlWriter.fileDetails("4815163", ugly.file()));

    // legacy potentialMeme is written as fileAnnotations/potentialMeme: same model
    assertThat(back.file()).isEqualTo(ugly.file());
  }

  @Test
  void writerRefusesWhatStrictModeWouldReject() {
    Report ugly =
        ((ParseResult.ReportParsed) EspXmlFixtures.fixture(EspXmlFixtures.UGLY, ParseMode.TOLERANT))
            .report();

    assertThatThrownBy(() -> EspXmlWriter.report(ugly))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/report/personOrUserReported/ipCaptureEvent/dateTime")
        .hasMessageContaining("has no zone");

    Report noDetails = withInternetDetails(readReference(), List.of());
    assertThatThrownBy(() -> EspXmlWriter.report(noDetails))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one <internetDetails>");
  }

  private static Report readReference() {
    return readReport(EspXmlFixtures.bytes(EspXmlFixtures.REPORT), ParseMode.STRICT);
  }

  private static Report withInternetDetails(Report r, List<InternetDetail> details) {
    return new Report(
        r.format(),
        r.cybertipReportId(),
        r.dateReceived(),
        r.batchedReport(),
        r.incidentSummary(),
        details,
        r.lawEnforcement(),
        r.reporter(),
        r.reportedUsers(),
        r.intendedRecipients(),
        r.victims(),
        r.files(),
        r.additionalInfo(),
        r.unknownElements());
  }

  // ------------------------------------------------------------------ property-style round trip

  private static final int RUNS = 200;

  @Test
  void generatedReportsRoundTripThroughStrictXml() {
    long seed = Long.getLong("tiptrace.seed", System.nanoTime());
    for (int i = 0; i < RUNS; i++) {
      long runSeed = seed + i;
      Report model = new Gen(new Random(runSeed)).report();
      byte[] xml;
      try {
        xml = EspXmlWriter.report(model);
      } catch (RuntimeException e) {
        throw new AssertionError(
            "seed " + runSeed + " (rerun with -Dtiptrace.seed=" + runSeed + ")", e);
      }
      Report back = readReport(xml, ParseMode.STRICT);
      assertThat(back)
          .as(
              "seed %d (rerun with -Dtiptrace.seed=%d):%n%s",
              runSeed, runSeed, new String(xml, StandardCharsets.UTF_8))
          .isEqualTo(model);
    }
  }

  @Test
  void generatedFilesRoundTripThroughStrictXml() {
    long seed = Long.getLong("tiptrace.seed", System.nanoTime());
    for (int i = 0; i < RUNS; i++) {
      long runSeed = seed + i;
      Gen g = new Gen(new Random(runSeed));
      ReportedFile model = g.file();
      String reportId = Long.toString(g.rnd.nextLong(1, Long.MAX_VALUE));
      byte[] xml = EspXmlWriter.fileDetails(reportId, model);
      ParseResult.FileDetailsParsed back = readFile(xml);
      assertThat(back.reportId()).isEqualTo(reportId);
      assertThat(back.file())
          .as("seed %d:%n%s", runSeed, new String(xml, StandardCharsets.UTF_8))
          .isEqualTo(model);
    }
  }

  /** Builds varied models inside what the ESP XML can express (see {@link EspXmlWriter}). */
  static final class Gen {
    final Random rnd;

    Gen(Random rnd) {
      this.rnd = rnd;
    }

    private static final List<String> TEXTS =
        List.of(
            "plain",
            "Example Photos",
            "<b>not markup</b> & \"quotes\" 'apos'",
            "Zoë Ünïcode 日本語 😀",
            "  padded  ",
            "two\nlines",
            "windows\r\nline",
            "tab\tinside",
            "",
            "]]> looks like CDATA end");

    boolean coin() {
      return rnd.nextBoolean();
    }

    String text() {
      return TEXTS.get(rnd.nextInt(TEXTS.size()));
    }

    Optional<String> optText() {
      return coin() ? Optional.of(text()) : Optional.empty();
    }

    <T> Optional<T> opt(Supplier<T> s) {
      return coin() ? Optional.of(s.get()) : Optional.empty();
    }

    <T> List<T> list(int max, Supplier<T> s) {
      int n = rnd.nextInt(max + 1);
      List<T> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(s.get());
      }
      return out;
    }

    <E> E pick(E[] values) {
      return values[rnd.nextInt(values.length)];
    }

    TriState tri() {
      return pick(TriState.values());
    }

    <E extends Enum<E>> Set<E> subset(Class<E> type) {
      EnumSet<E> s = EnumSet.noneOf(type);
      for (E e : type.getEnumConstants()) {
        if (rnd.nextInt(3) == 0) {
          s.add(e);
        }
      }
      return s;
    }

    ReportedTime time() {
      String date =
          String.format(
              Locale.ROOT,
              "20%02d-%02d-%02dT%02d:%02d:%02d",
              rnd.nextInt(10, 30),
              rnd.nextInt(1, 13),
              rnd.nextInt(1, 29),
              rnd.nextInt(24),
              rnd.nextInt(60),
              rnd.nextInt(60));
      String frac = coin() ? "" : "." + rnd.nextInt(100, 1000);
      String zone = pick(new String[] {"Z", "+02:00", "-05:00", "+05:30"});
      return ReportedTime.parse(date + frac + zone);
    }

    Optional<ReportedTime> optTime() {
      return opt(this::time);
    }

    String country() {
      return pick(new String[] {"US", "GB", "DE", "XK", "A1", "EU", ""});
    }

    Phone phone() {
      return new Phone(
          "20255501" + rnd.nextInt(10, 100),
          opt(() -> pick(PhoneType.values())),
          tri(),
          optTime(),
          opt(() -> "+" + rnd.nextInt(1, 1000)),
          opt(() -> Integer.toString(rnd.nextInt(1, 9999))));
    }

    Email email() {
      return new Email(
          "user" + rnd.nextInt(1000) + "@example." + pick(new String[] {"com", "net", "org"}),
          opt(() -> pick(EmailType.values())),
          tri(),
          optTime());
    }

    Address address() {
      return new Address(
          opt(() -> pick(AddressType.values())),
          list(1, this::text),
          optText(),
          opt(() -> "6270" + rnd.nextInt(10)),
          opt(() -> pick(new String[] {"IL", "DC", "PR", "WY", ""})),
          optText(),
          opt(this::country));
    }

    /** A full {@code person}, or a {@code contactPerson} (no age, no date of birth). */
    Person person(boolean full) {
      return new Person(
          optText(),
          Optional.empty(),
          optText(),
          list(2, this::phone),
          list(2, this::email),
          list(2, this::address),
          full && coin() ? OptionalInt.of(rnd.nextInt(0, 100)) : OptionalInt.empty(),
          full ? opt(() -> "2009-05-1" + rnd.nextInt(10)) : Optional.empty(),
          full ? tri() : TriState.UNKNOWN);
    }

    IpCaptureEvent ip() {
      String canonical;
      Optional<String> raw;
      switch (rnd.nextInt(4)) {
        case 0 -> {
          canonical = "198.51.100." + rnd.nextInt(256);
          raw = Optional.empty();
        }
        case 1 -> {
          canonical = "203.0.113." + rnd.nextInt(256);
          raw = Optional.of("::ffff:" + canonical);
        }
        case 2 -> {
          canonical = "2001:db8::" + Integer.toHexString(rnd.nextInt(1, 0xffff));
          raw = Optional.empty();
        }
        default -> {
          String last = Integer.toHexString(rnd.nextInt(0x1000, 0xffff));
          canonical = "2001:db8::" + last;
          raw = Optional.of("2001:DB8:0:0:0:0:0:" + last.toUpperCase(Locale.ROOT));
        }
      }
      return new IpCaptureEvent(
          canonical,
          raw,
          opt(() -> pick(IpCaptureType.values())),
          optTime(),
          tri(),
          coin() ? OptionalInt.of(rnd.nextInt(0, 65536)) : OptionalInt.empty());
    }

    DeviceId device() {
      return new DeviceId(
          pick(new String[] {"IMEI", "ICCID", "SSID", "App install ID"}),
          text(),
          opt(() -> pick(IpCaptureType.values())),
          optTime());
    }

    AccountDisabled disabled(boolean temporary) {
      return new AccountDisabled(
          coin() ? TriState.TRUE : TriState.FALSE,
          optTime(),
          tri(),
          optTime(),
          temporary ? optTime() : Optional.empty());
    }

    AssociatedAccount account() {
      Optional<String> platform = optText();
      return new AssociatedAccount(
          opt(() -> pick(AssociatedAccountType.values()))
              .or(() -> Optional.of(AssociatedAccountType.OTHER)),
          platform,
          platform.isPresent() ? tri() : TriState.UNKNOWN,
          optText(),
          optText(),
          optText(),
          coin() ? OptionalInt.of(rnd.nextInt(10, 80)) : OptionalInt.empty(),
          opt(() -> "1990-01-0" + rnd.nextInt(1, 10)),
          list(2, this::phone),
          list(2, this::email),
          tri(),
          list(2, this::address),
          optText(),
          optText(),
          list(2, this::text),
          optText(),
          list(2, this::text),
          optText(),
          optText(),
          tri(),
          opt(() -> disabled(true)),
          opt(() -> disabled(false)),
          list(2, this::ip),
          list(2, this::device),
          list(2, () -> rnd.nextLong(1, 1_000_000_000L)),
          optText());
    }

    ReportedUser user(UserRole role) {
      boolean r = role == UserRole.REPORTED;
      boolean i = role == UserRole.INTENDED_RECIPIENT;
      boolean v = role == UserRole.VICTIM;
      return new ReportedUser(
          role,
          v ? Optional.of(person(true)) : opt(() -> person(true)),
          r ? optText() : Optional.empty(),
          optText(),
          optText(),
          tri(),
          optText(),
          list(2, this::text),
          list(2, this::text),
          optText(),
          list(3, this::ip),
          list(2, this::device),
          r ? tri() : TriState.UNKNOWN,
          v ? optText() : Optional.empty(),
          list(2, () -> rnd.nextLong(1, 1_000_000_000L)),
          v ? Optional.empty() : optText(),
          opt(() -> disabled(true)),
          opt(() -> disabled(false)),
          opt(
              () ->
                  new EstimatedLocation(
                      optText(), optText(), opt(this::country), tri(), optTime())),
          tri(),
          i ? List.of() : list(2, this::account),
          list(i ? 3 : 1, this::text),
          List.of());
    }

    InternetDetail detail() {
      return switch (rnd.nextInt(8)) {
        case 0 -> new InternetDetail.WebPage(tri(), list(3, this::text), optText());
        case 1 -> new InternetDetail.EmailIncident(list(2, this::email), optText(), optText());
        case 2 ->
            new InternetDetail.Newsgroup(optText(), list(2, this::email), optText(), optText());
        case 3 -> new InternetDetail.ChatIm(optText(), optText(), optText(), optText());
        case 4 -> new InternetDetail.OnlineGaming(optText(), optText(), optText(), optText());
        case 5 ->
            new InternetDetail.CellPhone(
                opt(this::phone),
                coin() ? OptionalDouble.of(rnd.nextDouble(-90, 90)) : OptionalDouble.empty(),
                coin() ? OptionalDouble.of(-1.5e-7) : OptionalDouble.empty(),
                optText());
        case 6 -> new InternetDetail.NonInternet(optText(), list(2, this::address), optText());
        default ->
            new InternetDetail.PeerToPeer(optText(), list(2, this::ip), optText(), optText());
      };
    }

    Report report() {
      Optional<String> intl = opt(() -> "x");
      TriState international =
          intl.isPresent() ? (coin() ? TriState.TRUE : TriState.FALSE) : TriState.UNKNOWN;
      return new Report(
          SourceFormat.ESP_XML_REPORT,
          Optional.empty(),
          Optional.empty(),
          opt(() -> BatchedReportReason.VIRAL_POTENTIAL_MEME),
          new IncidentSummary(
              Optional.of(pick(IncidentType.values())),
              optText(),
              optText(),
              subset(ReportAnnotation.class),
              Optional.of(time()),
              optText()),
          atLeastOne(),
          opt(
              () ->
                  new LawEnforcement(
                      text(),
                      optText(),
                      opt(() -> person(false)),
                      tri(),
                      tri(),
                      international,
                      international.isKnown() ? opt(this::country) : Optional.empty())),
          Optional.of(
              new Reporter(
                  Optional.empty(),
                  Optional.of(person(true)),
                  opt(() -> person(false)),
                  optText(),
                  optText(),
                  optText())),
          list(2, () -> user(UserRole.REPORTED)),
          list(2, () -> user(UserRole.INTENDED_RECIPIENT)),
          list(2, () -> user(UserRole.VICTIM)),
          List.of(),
          list(1, this::text),
          List.of());
    }

    private List<InternetDetail> atLeastOne() {
      List<InternetDetail> l = new ArrayList<>(list(3, this::detail));
      l.add(detail());
      return l;
    }

    private String hex(int digits) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < digits; i++) {
        sb.append(Character.forDigit(rnd.nextInt(16), 16));
      }
      return sb.toString();
    }

    ReportedFile file() {
      FileRelevance relevance = pick(FileRelevance.values());
      boolean supplemental = relevance == FileRelevance.SUPPLEMENTAL_REPORTED;
      Set<FileAnnotation> annotations = subset(FileAnnotation.class);
      if (supplemental) {
        annotations.remove(FileAnnotation.POTENTIAL_MEME);
      }
      List<FileHash> hashes = new ArrayList<>();
      if (coin()) {
        hashes.add(new FileHash(HashAlgorithm.MD5, "MD5", hex(32), HashOrigin.ESP_ORIGINAL));
      }
      if (coin()) {
        hashes.add(new FileHash(HashAlgorithm.SHA1, "sha-1", hex(40), HashOrigin.ESP_ORIGINAL));
      }
      if (coin()) {
        hashes.add(new FileHash(HashAlgorithm.OTHER, "TLSH", hex(70), HashOrigin.ESP_ORIGINAL));
      }
      List<FileMetadata> details = new ArrayList<>();
      if (coin()) {
        details.add(
            new FileMetadata(
                Optional.of(MetadataType.EXIF),
                List.of(new NameValue("Make", text()), new NameValue("Model", text()))));
      }
      if (coin()) {
        String pdq = hex(64);
        details.add(
            new FileMetadata(
                Optional.of(MetadataType.HASH),
                List.of(new NameValue("PDQ", pdq), new NameValue("quality", "100"))));
        hashes.add(new FileHash(HashAlgorithm.PDQ, "PDQ", pdq, HashOrigin.ESP_DETAILS));
      }
      if (coin()) {
        details.add(new FileMetadata(Optional.empty(), List.of(new NameValue(text(), text()))));
      }
      return new ReportedFile(
          Optional.of(hex(32)),
          optText(),
          optText(),
          optTime(),
          optText(),
          tri(),
          tri(),
          tri(),
          Optional.of(relevance),
          annotations,
          supplemental ? Optional.empty() : opt(() -> pick(IndustryClassification.values())),
          hashes,
          list(1, this::ip),
          list(2, this::device),
          details,
          list(2, this::text),
          List.of());
    }
  }
}
