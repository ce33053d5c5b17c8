package org.tiptrace.app.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.app.tips.IpAssessmentRow;
import org.tiptrace.tip.Tip;

/**
 * {@code /deadlines}: every stored IP assessment of the agency that has a retention deadline,
 * soonest first, with a "preserve now" mark where the retention table says so. Deadlines are the IP
 * stage's estimates (retention table version and ISP row in the assessment), not legal advice.
 */
@Controller
class DeadlinesPageController {
  private final AgencyData data;
  private final CurrentAgency agency;
  private final AuditTrail audit;
  private final Clock clock;

  DeadlinesPageController(AgencyData data, CurrentAgency agency, AuditTrail audit, Clock clock) {
    this.data = data;
    this.agency = agency;
    this.audit = audit;
    this.clock = clock;
  }

  /** One event of one tip. */
  record DeadlineRow(String tip, String cybertip, IpAssessmentRow ip) {}

  @GetMapping("/deadlines")
  String deadlines(Model model) {
    audit.tipsListed(0, Integer.MAX_VALUE, "page deadlines");
    AgencyData.Snapshot snapshot = data.load(agency.require());
    List<DeadlineRow> rows = new ArrayList<>();
    int without = 0;
    for (Map.Entry<Tip, JsonNode> e : snapshot.allAssessments()) {
      IpAssessmentRow ip = IpAssessmentRow.of1(e.getValue());
      if (ip.likelyGoneAt().isEmpty()) {
        without++;
        continue;
      }
      rows.add(
          new DeadlineRow(
              e.getKey().id().toString(), e.getKey().report().cybertipReportId().orElse("–"), ip));
    }
    rows.sort(
        Comparator.comparing((DeadlineRow r) -> r.ip().likelyGoneAt().orElse(Instant.MAX))
            .thenComparing(DeadlineRow::tip));
    // Records that are likely gone already cannot be saved: listed apart, after the ones that can.
    Instant now = clock.instant();
    model.addAttribute(
        "rows", rows.stream().filter(r -> !r.ip().likelyGoneAt().get().isBefore(now)).toList());
    model.addAttribute(
        "expired",
        rows.stream().filter(r -> r.ip().likelyGoneAt().get().isBefore(now)).toList().reversed());
    model.addAttribute("withoutDeadline", without);
    model.addAttribute(
        "unassessed",
        snapshot.tips().stream().filter(t -> snapshot.assessments(t.id()).isEmpty()).count());
    return "pages/deadlines";
  }
}
