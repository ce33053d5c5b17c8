package org.tiptrace.app.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.tiptrace.app.cli.AgencyTriage;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.ip.IpEventAssessment;
import org.tiptrace.tip.Address;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.Person;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.WireValue;
import org.tiptrace.triage.IpSignal;
import org.tiptrace.triage.Triage;
import org.tiptrace.triage.TriageInput;
import org.tiptrace.triage.TriageQueue;
import org.tiptrace.triage.TriageResult;
import org.tiptrace.triage.TriageRules;

/**
 * The queue scored on demand with {@link AgencyTriage} and the bundled rules, until the persisted
 * queue replaces it. IP signals come from each tip's stored assessments (computed at ingest); a tip
 * never assessed keeps "not checked".
 *
 * <p>The stored assessments cover {@link Report#allUsers()}; triage's IP signals are those of the
 * reported users, which come first in that order, so the first of them are used. A stored list
 * shorter than the reported captures, or one that does not read back, leaves the tip "not checked"
 * rather than guessing.
 */
@Service
final class TriageQueueSource implements InvestigatorQueue {
  private final AgencyData data;
  private final Clock clock;
  private final TriageRules rules = TriageRules.defaults();

  TriageQueueSource(AgencyData data, Clock clock) {
    this.data = data;
    this.clock = clock;
  }

  @Override
  public QueueSnapshot snapshot(AgencyId agency) {
    AgencyData.Snapshot snapshot = data.load(agency);
    AgencyTriage triage = snapshot.triage();
    List<TriageResult> results = new ArrayList<>();
    int assessed = 0;
    for (TriageInput input : triage.inputs()) {
      Optional<List<IpSignal>> ips =
          snapshot.assessments(input.tip().id()).flatMap(s -> ipSignals(input.tip(), s));
      if (ips.isPresent()) {
        assessed++;
      }
      results.add(
          Triage.score(
              input.tip(),
              ips.map(s -> input.signals().withIps(s)).orElse(input.signals()),
              rules));
    }
    Map<TipId, Tip> tips =
        snapshot.tips().stream().collect(Collectors.toMap(Tip::id, Function.identity()));
    List<QueueSnapshot.Entry> entries = new ArrayList<>();
    for (TriageResult r : TriageQueue.build(agency, results)) {
      Tip tip = tips.get(r.tip());
      entries.add(
          new QueueSnapshot.Entry(
              r.tip(),
              tip.report().cybertipReportId(),
              tip.report().incidentSummary().incidentType().map(WireValue::wire),
              tip.receivedAt(),
              r.tier(),
              r.score(),
              r.deadline(),
              r.lines(),
              r.reasons(),
              r.notes(),
              countries(tip.report()),
              flags(tip.report())));
    }
    String ip =
        "IP signals from the assessments stored at intake ("
            + assessed
            + " of "
            + snapshot.tips().size()
            + " tips); the others not checked";
    return new QueueSnapshot(rules.version(), clock.instant(), ip, entries);
  }

  private static Optional<List<IpSignal>> ipSignals(Tip tip, AssessmentRepository.Stored stored) {
    List<IpCaptureEvent> captures =
        tip.report().reportedUsers().stream().flatMap(u -> u.ipCaptureEvents().stream()).toList();
    JsonNode all = stored.assessments();
    if (!all.isArray() || all.size() < captures.size()) {
      return Optional.empty();
    }
    List<IpSignal> out = new ArrayList<>();
    for (int i = 0; i < captures.size(); i++) {
      try {
        IpEventAssessment a = TipJson.mapper().treeToValue(all.get(i), IpEventAssessment.class);
        out.add(AgencyTriage.signal(captures.get(i).ipAddress(), a));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }

  /** Upper-case country codes named by the ESP's estimated locations and the persons' addresses. */
  static Set<String> countries(Report report) {
    Set<String> out = new TreeSet<>();
    for (ReportedUser u : report.allUsers()) {
      u.estimatedLocation().flatMap(l -> l.countryCode()).ifPresent(c -> out.add(code(c)));
      for (Address a : u.person().map(Person::addresses).orElse(List.of())) {
        a.country().ifPresent(c -> out.add(code(c)));
      }
    }
    out.removeIf(String::isEmpty);
    return out;
  }

  static Set<String> flags(Report report) {
    Set<String> out = new TreeSet<>();
    report.incidentSummary().annotations().forEach(a -> out.add(a.wire()));
    if (report.incidentSummary().escalateToHighPriority().isPresent()) {
      out.add("highPriority");
    }
    return out;
  }

  private static String code(String country) {
    return country.strip().toUpperCase(Locale.ROOT);
  }
}
