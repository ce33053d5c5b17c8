package org.tiptrace.synth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.tiptrace.tip.AccountDisabled;
import org.tiptrace.tip.Address;
import org.tiptrace.tip.AddressType;
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

/**
 * A seeded generator of realistic, entirely fictitious reports.
 *
 * <p>Shape, chosen to exercise later stages: a pool of offenders recurs across platforms under
 * different accounts (same phone or device, months apart); a pool of "viral" files recurs in many
 * unrelated reports; IP captures mix IPv4 with and without source ports, IPv6, and the odd capture
 * without a zone. Every name is on example.com/.net/.org, every IP in a documentation range (RFC
 * 5737, RFC 3849), every phone number is 555-01xx.
 *
 * <p>Time is a parameter: reports fall in the 400 days before {@code until}.
 */
public final class SyntheticTips {
  private static final String[] FIRST = {
    "Riley", "Jordan", "Casey", "Morgan", "Avery", "Quinn", "Taylor", "Parker", "Rowan", "Skyler",
    "Emerson", "Finley", "Hayden", "Jamie", "Kendall", "Logan", "Reese", "Sawyer", "Drew", "Alex"
  };
  private static final String[] LAST = {
    "Example",
    "Sample",
    "Placeholder",
    "Fictional",
    "Testcase",
    "Demo",
    "Mockford",
    "Specimen",
    "Notreal",
    "Madeup"
  };
  private static final String[] WORDS = {
    "river", "fox", "lake", "owl", "stone", "maple", "cloud", "ember", "pine", "harbor", "comet",
    "willow", "falcon", "meadow", "quartz", "tide"
  };
  private static final String[] DOMAINS = {"example.com", "example.net", "example.org"};
  private static final Esp[] ESPS = {
    new Esp("Example Photos, Inc.", "Example Photos", "photos.example.com"),
    new Esp("Example Chat LLC", "Example Chat", "chat.example.net"),
    new Esp("Sample Cloud Drive Ltd", "Sample Drive", "drive.example.org"),
    new Esp("Demo Social Co.", "Demo Social", "social.example.com"),
    new Esp("Example Games Network", "Example Games", "games.example.net")
  };
  private static final String[] CITIES = {
    "Springfield", "Riverton", "Fairview", "Greenville", "Madison"
  };
  private static final String[] STATES = {"IL", "OH", "TX", "WA", "GA", "NY", "CA", "MN"};
  private static final String[] V4_PREFIXES = {"192.0.2.", "198.51.100.", "203.0.113."};

  private record Esp(String company, String service, String host) {}

  /** One recurring offender: the stable identifiers that tie their accounts together. */
  private record Offender(
      String first, String last, String phone, String deviceId, String homeIp) {}

  private final SplittableRandom random;
  private final Instant until;
  private final List<Offender> offenders = new ArrayList<>();
  private final List<String[]> viralFiles = new ArrayList<>();
  private long nextUserId = 100_000_000L;
  private long nextReportId = 140_000_000L;

  public SyntheticTips(long seed, Instant until) {
    this.random = new SplittableRandom(seed);
    // ESPs report whole seconds; so does the generator, whatever clock the caller passes.
    this.until = until.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    for (int i = 0; i < 40; i++) {
      offenders.add(
          new Offender(
              pick(FIRST),
              pick(LAST),
              fictionalPhone(),
              String.format(
                  Locale.ROOT,
                  "%08x-%04x-4%03x-a%03x-%012x",
                  random.nextInt(),
                  random.nextInt(0x10000),
                  random.nextInt(0x1000),
                  random.nextInt(0x1000),
                  random.nextLong(1L << 48)),
              v4()));
    }
    for (int i = 0; i < 12; i++) {
      viralFiles.add(new String[] {hex(16), hex(20), hex(32)});
    }
  }

  /** The next report; {@code withReportId} gives it an NCMEC-style number (LE JSON downloads). */
  public Report next(SourceFormat format) {
    Esp esp = pick(ESPS);
    boolean viral = random.nextInt(100) < 15;
    Optional<Offender> offender =
        random.nextInt(100) < 30 ? Optional.of(pick(offenders)) : Optional.empty();
    Instant incident = until.minus(Duration.ofSeconds(random.nextLong(400L * 24 * 3600)));

    IncidentType type = viral ? IncidentType.CHILD_PORNOGRAPHY : incidentType();
    Set<ReportAnnotation> annotations = EnumSet.noneOf(ReportAnnotation.class);
    if (type == IncidentType.ONLINE_ENTICEMENT && random.nextBoolean()) {
      annotations.add(ReportAnnotation.SEXTORTION);
    }
    if (random.nextInt(100) < 8) {
      annotations.add(ReportAnnotation.CSAM_SOLICITATION);
    }
    if (random.nextInt(100) < 5) {
      annotations.add(ReportAnnotation.MINOR_TO_MINOR_INTERACTION);
    }
    IncidentSummary summary =
        new IncidentSummary(
            Optional.of(type),
            Optional.of(esp.service()),
            random.nextInt(100) < 4
                ? Optional.of(
                    "Ongoing contact with a child; account shows live-streaming requests.")
                : Optional.empty(),
            annotations,
            Optional.of(ReportedTime.ofInstant(incident)),
            Optional.of("Time the content was detected, UTC."));

    ReportedUser user = reportedUser(esp, offender, incident);
    List<ReportedUser> recipients = new ArrayList<>();
    if (type == IncidentType.ONLINE_ENTICEMENT
        || type == IncidentType.UNSOLICITED_OBSCENE_MATERIAL_TO_CHILD
        || random.nextInt(100) < 10) {
      recipients.add(recipient(esp, incident));
    }
    int fileCount = 1 + random.nextInt(viral ? 1 : 5);
    List<ReportedFile> files = new ArrayList<>();
    for (int i = 0; i < fileCount; i++) {
      files.add(file(esp, user, incident, viral && i == 0, format));
    }
    List<InternetDetail> details =
        List.of(
            new InternetDetail.WebPage(
                TriState.FALSE,
                List.of(
                    "https://"
                        + esp.host()
                        + "/u/"
                        + user.screenName().orElse("user")
                        + "/"
                        + random.nextInt(10_000)),
                Optional.empty()));
    Optional<String> reportId =
        format == SourceFormat.LE_JSON
            ? Optional.of(Long.toString(nextReportId++))
            : Optional.empty();
    return new Report(
        format,
        reportId,
        format == SourceFormat.LE_JSON
            ? Optional.of(
                ReportedTime.ofInstant(incident.plus(Duration.ofMinutes(5 + random.nextInt(600)))))
            : Optional.empty(),
        viral && random.nextBoolean()
            ? Optional.of(BatchedReportReason.VIRAL_POTENTIAL_MEME)
            : Optional.empty(),
        summary,
        details,
        Optional.empty(),
        Optional.of(
            new Reporter(
                format == SourceFormat.LE_JSON ? Optional.of(esp.company()) : Optional.empty(),
                Optional.of(
                    new Person(
                        Optional.of(pick(FIRST)),
                        Optional.empty(),
                        Optional.of("Trustandsafety"),
                        List.of(),
                        List.of(Email.of("cybertip@" + esp.host())),
                        List.of(),
                        OptionalInt.empty(),
                        Optional.empty(),
                        TriState.UNKNOWN)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())),
        List.of(user),
        recipients,
        List.of(),
        files,
        List.of("Synthetic report generated by Tiptrace. Every identifier is fictitious."),
        List.of());
  }

  private IncidentType incidentType() {
    int r = random.nextInt(100);
    if (r < 80) {
      return IncidentType.CHILD_PORNOGRAPHY;
    }
    if (r < 92) {
      return IncidentType.ONLINE_ENTICEMENT;
    }
    if (r < 96) {
      return IncidentType.UNSOLICITED_OBSCENE_MATERIAL_TO_CHILD;
    }
    if (r < 98) {
      return IncidentType.CHILD_SEX_TRAFFICKING;
    }
    return IncidentType.MISLEADING_WORDS_OR_IMAGES;
  }

  private ReportedUser reportedUser(Esp esp, Optional<Offender> offender, Instant incident) {
    String first = offender.map(Offender::first).orElseGet(() -> pick(FIRST));
    String last = offender.map(Offender::last).orElseGet(() -> pick(LAST));
    // Wide pools: identifiers of unrelated people rarely collide, so linking is not handed
    // accidental chains of strangers (a real risk it must flag, tested separately).
    String screen = pick(WORDS) + "_" + pick(WORDS) + "_" + random.nextInt(1_000_000);
    String email = screen.replace('_', '.') + "@" + pick(DOMAINS);
    List<Phone> phones = new ArrayList<>();
    if (offender.isPresent() || random.nextInt(100) < 15) {
      String number = offender.map(Offender::phone).orElseGet(this::fictionalPhone);
      phones.add(
          new Phone(
              number,
              Optional.of(PhoneType.MOBILE),
              TriState.of(random.nextBoolean()),
              Optional.empty(),
              Optional.empty(),
              Optional.empty()));
    }
    List<IpCaptureEvent> events = new ArrayList<>();
    String ip = offender.map(Offender::homeIp).orElseGet(this::v4);
    events.add(
        capture(ip, IpCaptureType.LOGIN, incident.minus(Duration.ofMinutes(random.nextInt(600)))));
    events.add(capture(random.nextInt(100) < 20 ? v6() : ip, IpCaptureType.UPLOAD, incident));
    if (random.nextInt(100) < 30) {
      events.add(
          capture(
              v4(),
              IpCaptureType.REGISTRATION,
              incident.minus(Duration.ofDays(30 + random.nextInt(700)))));
    }
    List<DeviceId> devices =
        offender.isPresent()
            ? List.of(
                new DeviceId(
                    "App install ID",
                    offender.get().deviceId(),
                    Optional.of(IpCaptureType.LOGIN),
                    Optional.of(ReportedTime.ofInstant(incident))))
            : List.of();
    Person person =
        new Person(
            Optional.of(first),
            Optional.empty(),
            Optional.of(last),
            phones,
            List.of(
                new Email(
                    email,
                    Optional.of(EmailType.HOME),
                    TriState.of(random.nextBoolean()),
                    Optional.empty())),
            random.nextInt(100) < 30
                ? List.of(
                    new Address(
                        Optional.of(AddressType.HOME),
                        List.of((100 + random.nextInt(900)) + " Example Street"),
                        Optional.of(pick(CITIES)),
                        Optional.of(String.format(Locale.ROOT, "%05d", random.nextInt(100_000))),
                        Optional.of(pick(STATES)),
                        Optional.empty(),
                        Optional.of("US")))
                : List.of(),
            random.nextInt(100) < 20
                ? OptionalInt.of(18 + random.nextInt(50))
                : OptionalInt.empty(),
            Optional.empty(),
            TriState.UNKNOWN);
    boolean disabled = random.nextInt(100) < 60;
    return new ReportedUser(
        UserRole.REPORTED,
        Optional.of(person),
        Optional.empty(),
        Optional.of(Long.toString(nextUserId++)),
        Optional.of(esp.service()),
        TriState.FALSE,
        Optional.of(screen),
        List.of(first + " " + last.charAt(0) + "."),
        List.of("https://" + esp.host() + "/u/" + screen),
        Optional.empty(),
        events,
        devices,
        TriState.UNKNOWN,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        disabled
            ? Optional.of(
                new AccountDisabled(
                    TriState.TRUE,
                    Optional.of(ReportedTime.ofInstant(incident.plus(Duration.ofMinutes(3)))),
                    TriState.FALSE,
                    Optional.empty(),
                    Optional.empty()))
            : Optional.empty(),
        Optional.of(
            new EstimatedLocation(
                Optional.of(pick(CITIES)),
                Optional.of(pick(STATES)),
                Optional.of("US"),
                TriState.FALSE,
                Optional.empty())),
        TriState.UNKNOWN,
        List.of(),
        List.of(),
        List.of());
  }

  private ReportedUser recipient(Esp esp, Instant incident) {
    String screen = pick(WORDS) + "_" + random.nextInt(1000);
    return new ReportedUser(
        UserRole.INTENDED_RECIPIENT,
        Optional.empty(),
        Optional.empty(),
        Optional.of(Long.toString(nextUserId++)),
        Optional.of(esp.service()),
        TriState.UNKNOWN,
        Optional.of(screen),
        List.of(),
        List.of(),
        Optional.empty(),
        List.of(
            capture(
                v4(),
                IpCaptureType.LOGIN,
                incident.minus(Duration.ofMinutes(random.nextInt(120))))),
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
        random.nextBoolean() ? List.of("Recipient stated age 14 in profile.") : List.of(),
        List.of());
  }

  private ReportedFile file(
      Esp esp, ReportedUser user, Instant incident, boolean viral, SourceFormat format) {
    String[] h = viral ? pick(viralFiles) : new String[] {hex(16), hex(20), hex(32)};
    List<FileHash> hashes = new ArrayList<>();
    if (format == SourceFormat.LE_JSON) {
      hashes.add(
          new FileHash(HashAlgorithm.MD5, "verificationHash", h[0], HashOrigin.NCMEC_RECEIVED));
    } else {
      hashes.add(new FileHash(HashAlgorithm.MD5, "MD5", h[0], HashOrigin.ESP_ORIGINAL));
      hashes.add(new FileHash(HashAlgorithm.SHA1, "SHA1", h[1], HashOrigin.ESP_ORIGINAL));
      hashes.add(new FileHash(HashAlgorithm.SHA256, "SHA256", h[2], HashOrigin.ESP_ORIGINAL));
    }
    Set<FileAnnotation> annotations = EnumSet.noneOf(FileAnnotation.class);
    if (viral) {
      annotations.add(FileAnnotation.POTENTIAL_MEME);
      annotations.add(FileAnnotation.VIRAL);
    } else if (random.nextInt(100) < 5) {
      annotations.add(
          pick(
              new FileAnnotation[] {
                FileAnnotation.INFANT,
                FileAnnotation.PHYSICAL_HARM,
                FileAnnotation.POSSIBLE_SELF_PRODUCTION,
                FileAnnotation.GENERATIVE_AI
              }));
    }
    int n = random.nextInt(10_000);
    Instant uploaded = incident.minus(Duration.ofSeconds(random.nextInt(3600)));
    IpCaptureEvent upload =
        user.ipCaptureEvents().size() > 1
            ? user.ipCaptureEvents().get(1)
            : capture(v4(), IpCaptureType.UPLOAD, uploaded);
    return new ReportedFile(
        format == SourceFormat.LE_JSON ? Optional.empty() : Optional.of(hex(16)),
        Optional.of("upload_" + n + ".jpg"),
        random.nextBoolean()
            ? Optional.of(String.format(Locale.ROOT, "IMG_%04d.jpg", n))
            : Optional.empty(),
        format == SourceFormat.LE_JSON
            ? Optional.empty()
            : Optional.of(ReportedTime.ofInstant(uploaded)),
        Optional.empty(),
        triState(70, 20),
        format == SourceFormat.LE_JSON ? TriState.UNKNOWN : triState(20, 60),
        format == SourceFormat.LE_JSON ? TriState.UNKNOWN : triState(10, 80),
        format == SourceFormat.LE_JSON ? Optional.empty() : Optional.of(FileRelevance.REPORTED),
        annotations,
        random.nextInt(100) < 20
            ? Optional.of(pick(IndustryClassification.values()))
            : Optional.empty(),
        hashes,
        List.of(upload),
        List.of(),
        random.nextInt(100) < 30
            ? List.of(
                new FileMetadata(
                    Optional.of(MetadataType.EXIF), List.of(new NameValue("Make", "ExampleCam"))))
            : List.of(),
        List.of(),
        List.of());
  }

  private TriState triState(int truePercent, int falsePercent) {
    int r = random.nextInt(100);
    return r < truePercent
        ? TriState.TRUE
        : r < truePercent + falsePercent ? TriState.FALSE : TriState.UNKNOWN;
  }

  private IpCaptureEvent capture(String ip, IpCaptureType type, Instant at) {
    boolean v6 = ip.indexOf(':') >= 0;
    // Ports are missing for about a quarter of IPv4 captures: the gap the attribution stage flags.
    OptionalInt port =
        !v6 && random.nextInt(100) < 75
            ? OptionalInt.of(1024 + random.nextInt(64_000))
            : OptionalInt.empty();
    return new IpCaptureEvent(
        ip,
        Optional.empty(),
        Optional.of(type),
        Optional.of(ReportedTime.ofInstant(at)),
        TriState.UNKNOWN,
        port);
  }

  /**
   * A North American number in the 555-0100..555-0199 block that NANPA keeps for fiction, under a
   * random area code (not N11, not x9x), so about 70,000 distinct numbers.
   */
  private String fictionalPhone() {
    int area;
    do {
      area = 201 + random.nextInt(789);
    } while (area % 100 == 11 || (area / 10) % 10 == 9);
    return String.format(Locale.ROOT, "+1%d55501%02d", area, random.nextInt(100));
  }

  private String v4() {
    return pick(V4_PREFIXES) + (1 + random.nextInt(254));
  }

  private String v6() {
    return String.format(
        Locale.ROOT,
        "2001:db8:%x:%x::%x",
        random.nextInt(0x10000),
        random.nextInt(0x10000),
        1 + random.nextInt(0xfffe));
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
