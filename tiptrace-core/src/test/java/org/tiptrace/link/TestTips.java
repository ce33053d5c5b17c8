package org.tiptrace.link;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.BatchedReportReason;
import org.tiptrace.tip.DeviceId;
import org.tiptrace.tip.Email;
import org.tiptrace.tip.FileAnnotation;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.IncidentSummary;
import org.tiptrace.tip.IncidentType;
import org.tiptrace.tip.IndustryClassification;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.IpCaptureType;
import org.tiptrace.tip.NameValue;
import org.tiptrace.tip.Person;
import org.tiptrace.tip.Phone;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportAnnotation;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TriState;
import org.tiptrace.tip.UserRole;

/** Small builders for hand-made synthetic tips (example.com, 192.0.2.0/24, 555-01xx). */
public final class TestTips {
  public static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");
  private static final Sha256 SOURCE = Sha256.of(new byte[] {1});

  private TestTips() {}

  public static Tip tip(long id, String agency, Instant received, Report report) {
    return new Tip(new TipId(id), new AgencyId(agency), SOURCE, received, report);
  }

  public static Tip tip(long id, Report report) {
    return tip(id, "ICAC-A", T0.plusSeconds(id), report);
  }

  public static UserBuilder user(String service, String espId) {
    return new UserBuilder(UserRole.REPORTED, Optional.of(service), Optional.of(espId));
  }

  public static UserBuilder recipient(String service, String espId) {
    return new UserBuilder(UserRole.INTENDED_RECIPIENT, Optional.of(service), Optional.of(espId));
  }

  public static UserBuilder victimUser(String service, String espId) {
    return new UserBuilder(UserRole.VICTIM, Optional.of(service), Optional.of(espId));
  }

  public static ReportBuilder report() {
    return new ReportBuilder();
  }

  public static FileBuilder file(String md5) {
    return new FileBuilder(md5);
  }

  public static final class UserBuilder {
    private final UserRole role;
    private final Optional<String> service;
    private final Optional<String> espId;
    private Optional<String> screenName = Optional.empty();
    private final List<Phone> phones = new ArrayList<>();
    private final List<Email> emails = new ArrayList<>();
    private final List<DeviceId> devices = new ArrayList<>();
    private final List<IpCaptureEvent> ips = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();
    private final List<String> info = new ArrayList<>();
    private final List<NameValue> other = new ArrayList<>();
    private final List<Long> priorCt = new ArrayList<>();
    private OptionalInt age = OptionalInt.empty();

    UserBuilder(UserRole role, Optional<String> service, Optional<String> espId) {
      this.role = role;
      this.service = service;
      this.espId = espId;
    }

    public UserBuilder screenName(String s) {
      screenName = Optional.of(s);
      return this;
    }

    public UserBuilder phone(String number, TriState verified) {
      phones.add(
          new Phone(
              number,
              Optional.empty(),
              verified,
              Optional.empty(),
              Optional.empty(),
              Optional.empty()));
      return this;
    }

    public UserBuilder phone(String number, String countryCode) {
      phones.add(
          new Phone(
              number,
              Optional.empty(),
              TriState.UNKNOWN,
              Optional.empty(),
              Optional.of(countryCode),
              Optional.empty()));
      return this;
    }

    public UserBuilder email(String address, boolean verified) {
      emails.add(new Email(address, Optional.empty(), TriState.of(verified), Optional.empty()));
      return this;
    }

    public UserBuilder device(String type, String value) {
      devices.add(new DeviceId(type, value, Optional.empty(), Optional.empty()));
      return this;
    }

    public UserBuilder ip(String ip, Instant at) {
      ips.add(
          new IpCaptureEvent(
              ip,
              Optional.empty(),
              Optional.of(IpCaptureType.LOGIN),
              Optional.of(ReportedTime.ofInstant(at)),
              TriState.UNKNOWN,
              OptionalInt.empty()));
      return this;
    }

    public UserBuilder undatedIp(String ip) {
      ips.add(
          new IpCaptureEvent(
              ip,
              Optional.empty(),
              Optional.of(IpCaptureType.LOGIN),
              Optional.empty(),
              TriState.UNKNOWN,
              OptionalInt.empty()));
      return this;
    }

    public UserBuilder profileUrl(String url) {
      urls.add(url);
      return this;
    }

    public UserBuilder info(String line) {
      info.add(line);
      return this;
    }

    public UserBuilder otherField(String name, String value) {
      other.add(new NameValue(name, value));
      return this;
    }

    public UserBuilder priorCtReport(long id) {
      priorCt.add(id);
      return this;
    }

    public UserBuilder age(int years) {
      age = OptionalInt.of(years);
      return this;
    }

    public ReportedUser build() {
      Person person =
          new Person(
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              phones,
              emails,
              List.of(),
              age,
              Optional.empty(),
              TriState.UNKNOWN);
      return new ReportedUser(
          role,
          Optional.of(person),
          Optional.empty(),
          espId,
          service,
          TriState.UNKNOWN,
          screenName,
          List.of(),
          urls,
          Optional.empty(),
          ips,
          devices,
          TriState.UNKNOWN,
          Optional.empty(),
          priorCt,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          TriState.UNKNOWN,
          List.of(),
          info,
          other);
    }
  }

  public static final class FileBuilder {
    private final String md5;
    private final Set<FileAnnotation> annotations = EnumSet.noneOf(FileAnnotation.class);
    private Optional<IndustryClassification> classification = Optional.empty();
    private TriState publiclyAvailable = TriState.UNKNOWN;

    FileBuilder(String md5) {
      this.md5 = md5;
    }

    public FileBuilder flag(FileAnnotation... flags) {
      annotations.addAll(List.of(flags));
      return this;
    }

    public FileBuilder classification(IndustryClassification c) {
      classification = Optional.of(c);
      return this;
    }

    public FileBuilder publiclyAvailable() {
      publiclyAvailable = TriState.TRUE;
      return this;
    }

    public ReportedFile build() {
      return new ReportedFile(
          Optional.empty(),
          Optional.of("upload.jpg"),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          TriState.UNKNOWN,
          TriState.UNKNOWN,
          publiclyAvailable,
          Optional.empty(),
          annotations,
          classification,
          List.of(new FileHash(HashAlgorithm.MD5, "MD5", md5, HashOrigin.ESP_ORIGINAL)),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of());
    }
  }

  public static final class ReportBuilder {
    private Optional<IncidentType> type = Optional.of(IncidentType.CHILD_PORNOGRAPHY);
    private final Set<ReportAnnotation> annotations = EnumSet.noneOf(ReportAnnotation.class);
    private Optional<String> escalate = Optional.empty();
    private Optional<BatchedReportReason> batched = Optional.empty();
    private Optional<String> platform = Optional.empty();
    private final List<ReportedUser> reported = new ArrayList<>();
    private final List<ReportedUser> recipients = new ArrayList<>();
    private final List<ReportedUser> victims = new ArrayList<>();
    private final List<ReportedFile> files = new ArrayList<>();

    public ReportBuilder incident(IncidentType t) {
      type = Optional.of(t);
      return this;
    }

    public ReportBuilder annotate(ReportAnnotation... a) {
      annotations.addAll(List.of(a));
      return this;
    }

    public ReportBuilder escalate(String why) {
      escalate = Optional.of(why);
      return this;
    }

    public ReportBuilder batchedMeme() {
      batched = Optional.of(BatchedReportReason.VIRAL_POTENTIAL_MEME);
      return this;
    }

    public ReportBuilder platform(String p) {
      platform = Optional.of(p);
      return this;
    }

    public ReportBuilder reported(UserBuilder u) {
      reported.add(u.build());
      return this;
    }

    public ReportBuilder recipient(UserBuilder u) {
      recipients.add(u.build());
      return this;
    }

    public ReportBuilder victim(UserBuilder u) {
      victims.add(u.build());
      return this;
    }

    public ReportBuilder file(FileBuilder f) {
      files.add(f.build());
      return this;
    }

    public Report build() {
      return new Report(
          SourceFormat.ESP_XML_REPORT,
          Optional.empty(),
          Optional.empty(),
          batched,
          new IncidentSummary(
              type, platform, escalate, annotations, Optional.empty(), Optional.empty()),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          reported,
          recipients,
          victims,
          files,
          List.of(),
          List.of());
    }
  }
}
