package org.tiptrace.app.tips;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tiptrace.tip.Email;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.InternetDetail;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.Person;
import org.tiptrace.tip.Phone;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;
import org.tiptrace.tip.WireValue;

/**
 * A tip's main facts as labelled text, for the tip page and {@code tips show} without {@code
 * --json}. The full record is the canonical JSON; this is for reading. Absent values are left out,
 * except the file-viewing answers, where "unknown" is itself a fact.
 */
public record TipFacts(String title, List<Fact> summary, List<Section> users, List<Section> files) {

  public record Fact(String label, String value) {}

  public record Section(String title, List<Fact> facts) {}

  public static TipFacts of(Tip tip) {
    Report r = tip.report();
    List<Fact> summary = new ArrayList<>();
    add(summary, "Tip", Optional.of(tip.id().toString()));
    add(summary, "Agency", Optional.of(tip.agency().code()));
    add(summary, "CyberTip report", r.cybertipReportId());
    add(summary, "Format", Optional.of(r.format().name()));
    add(summary, "Received", Optional.of(DateTimeFormatter.ISO_INSTANT.format(tip.receivedAt())));
    add(summary, "Received by NCMEC", r.dateReceived().map(TipRow::time));
    add(summary, "Source SHA-256", Optional.of(tip.source().hex()));
    add(summary, "Incident type", r.incidentSummary().incidentType().map(WireValue::wire));
    add(summary, "Incident time", r.incidentSummary().incidentDateTime().map(TipRow::time));
    add(summary, "Platform", r.incidentSummary().platform());
    add(summary, "High priority", r.incidentSummary().escalateToHighPriority());
    add(
        summary,
        "Report annotations",
        joined(r.incidentSummary().annotations().stream().map(WireValue::wire)));
    add(summary, "Batched report", r.batchedReport().map(WireValue::wire));
    add(
        summary,
        "Reporter",
        r.reporter()
            .flatMap(
                rep ->
                    rep.espName()
                        .or(() -> rep.reportingPerson().flatMap(TipFacts::name))
                        .or(() -> rep.contactPerson().flatMap(TipFacts::name))));
    add(summary, "Internet details", joined(r.internetDetails().stream().map(TipFacts::kind)));
    add(summary, "Law enforcement", r.lawEnforcement().map(le -> le.agencyName()));
    add(summary, "Files", Optional.of(Integer.toString(r.files().size())));
    add(summary, "Users", Optional.of(Integer.toString(r.allUsers().size())));

    List<Section> users = new ArrayList<>();
    for (ReportedUser u : r.allUsers()) {
      users.add(user(u));
    }
    List<Section> files = new ArrayList<>();
    for (int i = 0; i < r.files().size(); i++) {
      files.add(file(i + 1, r.files().get(i)));
    }
    return new TipFacts(
        "Tip " + tip.id() + r.cybertipReportId().map(id -> " (CyberTip " + id + ")").orElse(""),
        summary,
        users,
        files);
  }

  private static Section user(ReportedUser u) {
    List<Fact> facts = new ArrayList<>();
    add(facts, "Name", u.person().flatMap(TipFacts::name));
    add(facts, "Screen name", u.screenName());
    add(facts, "Display names", joined(u.displayNames().stream()));
    add(facts, "ESP user id", u.espIdentifier());
    add(facts, "ESP service", u.espService());
    add(
        facts,
        "Emails",
        joined(u.person().stream().flatMap(p -> p.emails().stream()).map(Email::address)));
    add(
        facts,
        "Phones",
        joined(u.person().stream().flatMap(p -> p.phones().stream()).map(Phone::number)));
    add(facts, "Profile URLs", joined(u.profileUrls().stream()));
    add(facts, "IP events", joined(u.ipCaptureEvents().stream().map(TipFacts::ip)));
    String title = u.role().name() + u.screenName().map(s -> " " + s).orElse("");
    return new Section(title, facts);
  }

  private static Section file(int n, ReportedFile f) {
    List<Fact> facts = new ArrayList<>();
    add(facts, "File id", f.fileId());
    add(facts, "Original name", f.originalFileName());
    add(facts, "Uploaded", f.uploadedToEspTimestamp().map(TipRow::time));
    add(facts, "Viewed by ESP", Optional.of(tri(f.fileViewedByEsp())));
    add(facts, "EXIF viewed by ESP", Optional.of(tri(f.exifViewedByEsp())));
    add(facts, "Publicly available", Optional.of(tri(f.publiclyAvailable())));
    add(facts, "Relevance", f.relevance().map(Enum::name));
    add(facts, "Industry classification", f.industryClassification().map(Enum::name));
    add(facts, "Annotations", joined(f.annotations().stream().map(Enum::name)));
    add(facts, "Hashes", joined(f.hashes().stream().map(TipFacts::hash)));
    add(facts, "IP events", joined(f.ipCaptureEvents().stream().map(TipFacts::ip)));
    add(facts, "NCMEC tags", joined(f.ncmecTags().stream()));
    return new Section("File " + n + f.fileName().map(s -> ": " + s).orElse(""), facts);
  }

  static String ip(IpCaptureEvent e) {
    StringBuilder sb = new StringBuilder();
    boolean v6 = e.ipAddress().indexOf(':') >= 0;
    if (e.port().isPresent()) {
      sb.append(v6 ? "[" + e.ipAddress() + "]" : e.ipAddress()).append(':');
      sb.append(e.port().getAsInt());
    } else {
      sb.append(e.ipAddress());
    }
    e.eventName().ifPresent(n -> sb.append(' ').append(n.wire()));
    sb.append(' ').append(e.dateTime().map(TipRow::time).orElse("(no time)"));
    if (e.possibleProxy().isTrue()) {
      sb.append(" possible proxy");
    }
    return sb.toString();
  }

  private static String hash(FileHash h) {
    return h.label() + " " + h.value() + " (" + h.origin().name() + ")";
  }

  private static String tri(TriState t) {
    return switch (t) {
      case TRUE -> "yes";
      case FALSE -> "no";
      case UNKNOWN -> "unknown";
    };
  }

  private static String kind(InternetDetail d) {
    return switch (d) {
      case InternetDetail.WebPage w -> "web page " + String.join(" ", w.urls());
      case InternetDetail.EmailIncident e -> "email";
      case InternetDetail.Newsgroup g -> "newsgroup";
      case InternetDetail.ChatIm c -> "chat/IM" + c.chatClient().map(s -> " " + s).orElse("");
      case InternetDetail.OnlineGaming g -> "online gaming";
      case InternetDetail.CellPhone c -> "cell phone";
      case InternetDetail.NonInternet n -> "non-internet";
      case InternetDetail.PeerToPeer p -> "peer-to-peer";
    };
  }

  private static Optional<String> name(Person p) {
    String name =
        Stream.of(p.firstName(), p.middleName(), p.lastName())
            .flatMap(Optional::stream)
            .collect(Collectors.joining(" "));
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  private static Optional<String> joined(Stream<String> values) {
    String s = values.collect(Collectors.joining("; "));
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static void add(List<Fact> facts, String label, Optional<String> value) {
    value.filter(v -> !v.isBlank()).ifPresent(v -> facts.add(new Fact(label, v)));
  }
}
