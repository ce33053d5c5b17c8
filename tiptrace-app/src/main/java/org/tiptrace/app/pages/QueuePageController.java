package org.tiptrace.app.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.app.tips.TipNotFoundException;
import org.tiptrace.triage.Tier;

/**
 * {@code /queue}: the landing page. A request from htmx ({@code HX-Request}) gets only the results
 * fragment, so filtering and paging do not reload the page; without JavaScript the same form and
 * links load whole pages.
 */
@Controller
class QueuePageController {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", java.util.Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final InvestigatorQueue queue;
  private final CurrentAgency agency;
  private final AuditTrail audit;
  private final Clock clock;

  QueuePageController(
      InvestigatorQueue queue, CurrentAgency agency, AuditTrail audit, Clock clock) {
    this.queue = queue;
    this.agency = agency;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/queue")
  String queue(
      @RequestParam(defaultValue = "") String tier,
      @RequestParam(defaultValue = "") String days,
      @RequestParam(defaultValue = "") String country,
      @RequestParam(defaultValue = "") String flag,
      @RequestParam(defaultValue = "") String page,
      @RequestHeader(name = "HX-Request", required = false) Optional<String> htmx,
      Model model) {
    QueueFilter filter = QueueFilter.parse(tier, days, country, flag, page);
    audit.tipsListed(
        filter.page() * QueueFilter.PAGE_SIZE,
        QueueFilter.PAGE_SIZE,
        "page queue " + filter.query(filter.page()));
    Instant now = clock.instant();
    QueuePage result = queue.page(agency.require(), filter.query(now));
    model.addAttribute("snapshot", result);
    model.addAttribute("scoredAt", TIME.format(result.scoredAt()));
    model.addAttribute("filter", filter);
    model.addAttribute("rows", result.entries().stream().map(e -> QueueRow.of(e, now)).toList());
    model.addAttribute("total", result.total());
    model.addAttribute("matching", result.matching());
    model.addAttribute("tiers", Tier.values());
    model.addAttribute("countries", new TreeSet<>(result.countries()));
    model.addAttribute("flags", new TreeSet<>(result.flags()));
    model.addAttribute(
        "previous",
        filter.page() > 0 ? Optional.of(filter.query(filter.page() - 1)) : Optional.empty());
    model.addAttribute(
        "next",
        (long) (filter.page() + 1) * QueueFilter.PAGE_SIZE < result.matching()
            ? Optional.of(filter.query(filter.page() + 1))
            : Optional.empty());
    return htmx.isPresent() ? "pages/queue :: results" : "pages/queue";
  }

  /** The score's explanation of one tip: a fragment for the queue's "Explain" button. */
  @GetMapping("/queue/{id}/explanation")
  String explanation(@PathVariable String id, Model model) {
    audit.tipViewed(id, "page queue explanation");
    InvestigatorQueue.Explanation stored =
        SubjectGraphs.parse(id)
            .flatMap(tip -> queue.explanation(agency.require(), tip))
            .orElseThrow(() -> new TipNotFoundException(id));
    model.addAttribute("entry", stored.entry());
    model.addAttribute("rulesVersion", stored.rulesVersion());
    model.addAttribute("computedAt", TIME.format(stored.computedAt()));
    return "pages/explanation :: explanation";
  }

  /** One table row, formatted. */
  record QueueRow(
      String tip,
      String cybertip,
      String tier,
      int score,
      String deadline,
      boolean deadlineSoon,
      String incidentType,
      String received,
      String countries,
      String flags) {
    static QueueRow of(QueueSnapshot.Entry e, Instant now) {
      return new QueueRow(
          e.tip().toString(),
          e.cybertipReportId().orElse("–"),
          tierLabel(e.tier()),
          e.score(),
          e.deadline().map(TIME::format).orElse("none known"),
          e.deadline().map(d -> d.isBefore(now.plusSeconds(7 * 86_400L))).orElse(false),
          e.incidentType().orElse("not reported"),
          TIME.format(e.receivedAt()),
          e.countries().isEmpty() ? "unknown" : String.join(", ", new TreeSet<>(e.countries())),
          String.join(", ", new TreeSet<>(e.flags())));
    }
  }

  static String tierLabel(Tier tier) {
    return tier == Tier.INFORMATIONAL ? "Informational" : "Tier " + tier.rank();
  }
}
