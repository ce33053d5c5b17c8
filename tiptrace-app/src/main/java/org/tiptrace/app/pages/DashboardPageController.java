package org.tiptrace.app.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.app.tips.IpAssessmentRow;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;
import org.tiptrace.triage.Tier;

/**
 * {@code /dashboard}: counts of the agency's own data, drawn as server-side SVG. Nothing is
 * estimated or filled in: time from intake to first action needs recorded actions, which Tiptrace
 * does not store yet, so the page says so instead of showing a number.
 */
@Controller
class DashboardPageController {
  static final int WEEKS = 12;

  private final AgencyData data;
  private final InvestigatorQueue queue;
  private final CurrentAgency agency;
  private final AuditTrail audit;

  DashboardPageController(
      AgencyData data, InvestigatorQueue queue, CurrentAgency agency, AuditTrail audit) {
    this.data = data;
    this.queue = queue;
    this.agency = agency;
    this.audit = audit;
  }

  @GetMapping("/dashboard")
  String dashboard(Model model) {
    audit.tipsListed(0, Integer.MAX_VALUE, "page dashboard");
    AgencyId id = agency.require();
    AgencyData.Snapshot snapshot = data.load(id);
    QueueSnapshot q = queue.snapshot(id);
    Instant now = q.scoredAt();
    model.addAttribute("tipCount", snapshot.tips().size());
    model.addAttribute(
        "charts", List.of(volume(snapshot.tips(), now), backlog(q), deadlines(snapshot, now)));
    model.addAttribute("scoredAt", QueuePageController.TIME.format(now));
    return "pages/dashboard";
  }

  /** Tips received per ISO week, the last {@link #WEEKS} weeks up to now, empty weeks included. */
  static BarChart volume(List<Tip> tips, Instant now) {
    LocalDate thisWeek =
        now.atZone(ZoneOffset.UTC)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    Map<LocalDate, Long> counts = new TreeMap<>();
    for (int i = WEEKS - 1; i >= 0; i--) {
      counts.put(thisWeek.minusWeeks(i), 0L);
    }
    for (Tip t : tips) {
      LocalDate week =
          t.receivedAt()
              .atZone(ZoneOffset.UTC)
              .toLocalDate()
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      counts.computeIfPresent(week, (k, v) -> v + 1);
    }
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    counts.forEach(
        (week, n) -> {
          labels.add(
              week.getYear()
                  + "-W"
                  + String.format(
                      java.util.Locale.ROOT, "%02d", week.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
          values.add(n);
        });
    return BarChart.of("Tips received per week (last " + WEEKS + " weeks)", labels, values);
  }

  static BarChart backlog(QueueSnapshot q) {
    Map<Tier, Long> counts = new EnumMap<>(Tier.class);
    for (Tier t : Tier.values()) {
      counts.put(t, 0L);
    }
    q.entries().forEach(e -> counts.merge(e.tier(), 1L, Long::sum));
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    counts.forEach(
        (tier, n) -> {
          labels.add(QueuePageController.tierLabel(tier));
          values.add(n);
        });
    return BarChart.of("Tips by tier (rules " + q.rulesVersion() + ")", labels, values);
  }

  static BarChart deadlines(AgencyData.Snapshot snapshot, Instant now) {
    long preserve = 0;
    long week = 0;
    long month = 0;
    long expired = 0;
    for (Map.Entry<Tip, JsonNode> e : snapshot.allAssessments()) {
      IpAssessmentRow ip = IpAssessmentRow.of1(e.getValue());
      if (ip.likelyGoneAt().isEmpty()) {
        continue;
      }
      Instant gone = ip.likelyGoneAt().get();
      if (gone.isBefore(now)) {
        expired++;
        continue;
      }
      if (ip.preserveNow()) {
        preserve++;
      }
      if (gone.isBefore(now.plus(Duration.ofDays(7)))) {
        week++;
      } else if (gone.isBefore(now.plus(Duration.ofDays(30)))) {
        month++;
      }
    }
    return BarChart.of(
        "IP events by retention deadline",
        List.of("Preserve now", "Within 7 days", "In 8 to 30 days", "Likely expired"),
        List.of(preserve, week, month, expired));
  }
}
