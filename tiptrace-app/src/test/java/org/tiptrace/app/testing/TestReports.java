package org.tiptrace.app.testing;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.IncidentSummary;
import org.tiptrace.tip.IncidentType;
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

/** Small, synthetic reports for app tests (example.com names, documentation IP ranges). */
public final class TestReports {
  private TestReports() {}

  public static Report report(SourceFormat format, Optional<String> reportId, String screenName) {
    IpCaptureEvent login =
        new IpCaptureEvent(
            "198.51.100.23",
            Optional.empty(),
            Optional.of(IpCaptureType.LOGIN),
            Optional.of(ReportedTime.parse("2025-03-14T21:07:31Z")),
            TriState.UNKNOWN,
            OptionalInt.of(61022));
    ReportedUser user =
        new ReportedUser(
            UserRole.REPORTED,
            Optional.empty(),
            Optional.empty(),
            Optional.of("u-" + screenName),
            Optional.empty(),
            TriState.UNKNOWN,
            Optional.of(screenName),
            List.of(),
            List.of("https://social.example.com/" + screenName),
            Optional.empty(),
            List.of(login),
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
    return new Report(
        format,
        reportId,
        Optional.empty(),
        Optional.empty(),
        new IncidentSummary(
            Optional.of(IncidentType.CHILD_PORNOGRAPHY),
            Optional.of("Example Photos"),
            Optional.empty(),
            Set.of(),
            Optional.of(ReportedTime.parse("2025-03-14T21:07:31")),
            Optional.empty()),
        List.of(),
        Optional.empty(),
        Optional.of(
            new Reporter(
                Optional.of("Example Photos Inc."),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())),
        List.of(user),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  public static ReportedFile file(String fileName) {
    return new ReportedFile(
        Optional.of("f-" + fileName),
        Optional.of(fileName),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        TriState.TRUE,
        TriState.UNKNOWN,
        TriState.FALSE,
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        List.of(
            new FileHash(
                HashAlgorithm.MD5,
                "MD5",
                "1a79a4d60de6718e8e5b326e338ae533",
                HashOrigin.ESP_ORIGINAL)),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
