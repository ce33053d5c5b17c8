package org.tiptrace.store.test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.IncidentSummary;
import org.tiptrace.tip.IncidentType;
import org.tiptrace.tip.InternetDetail;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.IpCaptureType;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Reporter;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.TriState;
import org.tiptrace.tip.UserRole;

/**
 * Small, benign {@link Report} values for store and app tests: only the fields a test names are
 * set, everything else is absent or empty. Addresses are from the documentation ranges (RFC 5737,
 * RFC 3849).
 */
public final class TestReports {
  private TestReports() {}

  public static Builder report() {
    return new Builder();
  }

  /** A report with the given report number and nothing else of note. */
  public static Report report(String cybertipReportId) {
    return report().reportId(cybertipReportId).build();
  }

  public static FileHash md5(String hex) {
    return new FileHash(HashAlgorithm.MD5, "MD5", hex, HashOrigin.ESP_ORIGINAL);
  }

  public static FileHash sha1(String hex) {
    return new FileHash(HashAlgorithm.SHA1, "SHA1", hex, HashOrigin.ESP_ORIGINAL);
  }

  /**
   * An upload capture.
   *
   * @param time an {@code xs:dateTime}, with or without zone; null for none
   * @param port negative for none
   */
  public static IpCaptureEvent ip(String ip, int port, @Nullable String time) {
    return new IpCaptureEvent(
        ip,
        Optional.empty(),
        Optional.of(IpCaptureType.UPLOAD),
        Optional.ofNullable(time).map(ReportedTime::parse),
        TriState.UNKNOWN,
        port < 0 ? OptionalInt.empty() : OptionalInt.of(port));
  }

  public static ReportedFile file(String name, List<FileHash> hashes, List<IpCaptureEvent> ips) {
    return new ReportedFile(
        Optional.empty(),
        Optional.of(name),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        TriState.UNKNOWN,
        TriState.UNKNOWN,
        TriState.UNKNOWN,
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        hashes,
        ips,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  public static ReportedFile file(String name, FileHash... hashes) {
    return file(name, List.of(hashes), List.of());
  }

  public static ReportedUser user(UserRole role, String screenName, IpCaptureEvent... ips) {
    return new ReportedUser(
        role,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        TriState.UNKNOWN,
        Optional.of(screenName),
        List.of(),
        List.of(),
        Optional.empty(),
        List.of(ips),
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
        List.of(),
        List.of());
  }

  /** Builds a {@link Report}; every setter returns the builder. */
  public static final class Builder {
    private SourceFormat format = SourceFormat.LE_JSON;
    private Optional<String> reportId = Optional.empty();
    private Optional<IncidentType> incidentType = Optional.of(IncidentType.MISLEADING_DOMAIN_NAME);
    private Optional<ReportedTime> incidentTime = Optional.empty();
    private Optional<String> platform = Optional.empty();
    private Optional<String> espName = Optional.empty();
    private final List<InternetDetail> internetDetails = new ArrayList<>();
    private final List<ReportedUser> reportedUsers = new ArrayList<>();
    private final List<ReportedUser> victims = new ArrayList<>();
    private final List<ReportedFile> files = new ArrayList<>();
    private final List<String> additionalInfo = new ArrayList<>();

    private Builder() {}

    public Builder format(SourceFormat f) {
      this.format = f;
      return this;
    }

    public Builder reportId(String id) {
      this.reportId = Optional.of(id);
      return this;
    }

    public Builder incidentType(IncidentType type) {
      this.incidentType = Optional.of(type);
      return this;
    }

    /** An {@code xs:dateTime}, with or without a zone. */
    public Builder incidentTime(String xsDateTime) {
      this.incidentTime = Optional.of(ReportedTime.parse(xsDateTime));
      return this;
    }

    public Builder platform(String name) {
      this.platform = Optional.of(name);
      return this;
    }

    /** The reporting company ({@code reportingEsp/espName}). */
    public Builder espName(String name) {
      this.espName = Optional.of(name);
      return this;
    }

    public Builder internetDetail(InternetDetail detail) {
      internetDetails.add(detail);
      return this;
    }

    /** Adds a reported user, or a victim when the role says so. */
    public Builder user(ReportedUser user) {
      (user.role() == UserRole.VICTIM ? victims : reportedUsers).add(user);
      return this;
    }

    public Builder file(ReportedFile file) {
      files.add(file);
      return this;
    }

    public Builder note(String text) {
      additionalInfo.add(text);
      return this;
    }

    public Report build() {
      return new Report(
          format,
          reportId,
          Optional.empty(),
          Optional.empty(),
          new IncidentSummary(
              incidentType,
              platform,
              Optional.empty(),
              EnumSet.noneOf(org.tiptrace.tip.ReportAnnotation.class),
              incidentTime,
              Optional.empty()),
          internetDetails,
          Optional.empty(),
          espName.map(
              n ->
                  new Reporter(
                      Optional.of(n),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty())),
          reportedUsers,
          List.of(),
          victims,
          files,
          additionalInfo,
          List.of());
    }
  }
}
