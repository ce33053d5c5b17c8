package org.tiptrace.app.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.web.ApiEndpoint;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.tip.Page;
import org.tiptrace.triage.Tier;
import org.tiptrace.triage.TriageStore.QueueQuery;

/**
 * {@code GET /api/v1/queue}: the agency's persisted triage queue (tier, then deadline, then score),
 * a page at a time in the envelope of {@code GET /api/v1/tips}. Filters: {@code tier} (repeatable:
 * TIER_1..TIER_4, INFORMATIONAL), {@code flag=deadline} (only tips whose attribution is
 * perishable), {@code withinDays} (deadline at most that many days away), {@code country} (a code
 * the report points to) and {@code annotation} (a report annotation or {@code highPriority}); all
 * applied by the store before paging.
 */
@RestController
@RequestMapping("/api/v1/queue")
class QueueApiController implements ApiEndpoint {
  private final AgencyQueue queue;
  private final CurrentAgency agency;
  private final AuditTrail audit;
  private final Clock clock;

  QueueApiController(TiptraceBackend backend, CurrentAgency agency, AuditTrail audit, Clock clock) {
    this.queue = new AgencyQueue(backend.triageStore(), backend.linkStore());
    this.agency = agency;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  Page<AgencyQueue.Item> page(
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(required = false) List<String> tier,
      @RequestParam(required = false) List<String> flag,
      @RequestParam(required = false) Optional<Integer> withinDays,
      @RequestParam(required = false) Optional<String> country,
      @RequestParam(required = false) Optional<String> annotation) {
    Set<Tier> tiers = EnumSet.noneOf(Tier.class);
    for (String t : tier == null ? List.<String>of() : tier) {
      try {
        tiers.add(Tier.valueOf(t.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ResponseStatusException(
            HttpStatus.BAD_REQUEST,
            "tier '" + t + "' is not one of TIER_1, TIER_2, TIER_3, TIER_4, INFORMATIONAL");
      }
    }
    boolean withDeadline = false;
    for (String f : flag == null ? List.<String>of() : flag) {
      if (!f.strip().equalsIgnoreCase("deadline")) {
        throw new ResponseStatusException(
            HttpStatus.BAD_REQUEST, "flag '" + f + "' is not known (known: deadline)");
      }
      withDeadline = true;
    }
    if (withinDays.isPresent() && (withinDays.get() < 1 || withinDays.get() > 3650)) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "withinDays '" + withinDays.get() + "' is not 1..3650");
    }
    Optional<String> countryCode = country.map(c -> c.strip().toUpperCase(Locale.ROOT));
    if (countryCode.isPresent() && !countryCode.get().matches("[A-Z]{2,3}")) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "country '" + country.get() + "' is not a 2 or 3 letter code");
    }
    Optional<String> note = annotation.map(String::strip);
    if (note.isPresent() && !note.get().matches("[A-Za-z]{1,40}")) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "annotation '" + annotation.get() + "' is not a report annotation or highPriority");
    }
    QueueQuery query;
    try {
      query =
          new QueueQuery(
              tiers,
              withDeadline,
              withinDays.map(d -> clock.instant().plus(Duration.ofDays(d))),
              countryCode,
              note,
              offset,
              limit);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    audit.record(
        AuditAction.QUEUE_LISTED,
        AuditSubjectType.QUEUE,
        "offset="
            + offset
            + ",limit="
            + limit
            + ",tier="
            + tiers
            + ",deadline="
            + withDeadline
            + withinDays.map(d -> ",withinDays=" + d).orElse("")
            + countryCode.map(c -> ",country=" + c).orElse("")
            + note.map(a -> ",annotation=" + a).orElse(""),
        "api");
    return queue.page(agency.require(), query);
  }
}
