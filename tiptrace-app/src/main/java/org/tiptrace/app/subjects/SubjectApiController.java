package org.tiptrace.app.subjects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.web.ApiEndpoint;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.link.Hold;
import org.tiptrace.link.ManualDecision;
import org.tiptrace.link.PersonRef;
import org.tiptrace.link.SubjectId;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * {@code GET /api/v1/subjects/{id}} (the agency's view), {@code POST /api/v1/subjects/{id}/split},
 * {@code POST /api/v1/subjects/{id}/merge} and {@code POST /api/v1/holds}. Ids in URLs use the
 * slash-free form {@code S-t12.R0}. Another agency's subject answers 404; every request is audited,
 * the 404s too.
 */
@RestController
class SubjectApiController implements ApiEndpoint {
  private final AgencySubjects subjects;
  private final LinkTriageService service;
  private final CurrentAgency agency;
  private final AuditTrail audit;

  SubjectApiController(
      TiptraceBackend backend, LinkTriageService service, CurrentAgency agency, AuditTrail audit) {
    this.subjects = new AgencySubjects(backend.linkStore());
    this.service = service;
    this.agency = agency;
    this.audit = audit;
  }

  @GetMapping(value = "/api/v1/subjects/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> show(@PathVariable String id) {
    audit.record(AuditAction.SUBJECT_VIEWED, AuditSubjectType.SUBJECT, id, "api");
    return subjects.document(agency.require(), id).orElseThrow(() -> notFound(id));
  }

  /** {@code {"persons": ["t12/R0"], "reason": "..."}}: the agency's persons to move out. */
  record SplitRequest(@Nullable List<String> persons, @Nullable String reason) {}

  /** {@code {"other": "S-t40.R0", "reason": "..."}}. */
  record MergeRequest(@Nullable String other, @Nullable String reason) {}

  /** {@code {"tip": 12} or {"subject": "S-t12.R0"}, "caseNumber", "contact"}. */
  record HoldRequest(
      @Nullable Long tip,
      @Nullable String subject,
      @Nullable String caseNumber,
      @Nullable String contact) {}

  @PostMapping(value = "/api/v1/subjects/{id}/split", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> split(@PathVariable String id, @RequestBody SplitRequest body) {
    requireVisible(id);
    String reason = required(body.reason(), "reason");
    AgencyId me = agency.require();
    SubjectId subject = parse(id);
    Set<PersonRef> persons = new TreeSet<>();
    for (String p : body.persons() == null ? List.<String>of() : body.persons()) {
      try {
        persons.add(PersonRef.parse(p.replace('.', '/')));
      } catch (IllegalArgumentException e) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
      }
    }
    if (persons.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "persons: at least one person");
    }
    ManualDecision d = decide(() -> service.split(me, user(), subject, persons, reason), id);
    audit.record(
        AuditAction.SUBJECT_SPLIT, AuditSubjectType.SUBJECT, id, d.describe() + " " + persons);
    return decision(d);
  }

  @PostMapping(value = "/api/v1/subjects/{id}/merge", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> merge(@PathVariable String id, @RequestBody MergeRequest body) {
    requireVisible(id);
    String reason = required(body.reason(), "reason");
    SubjectId other = parse(required(body.other(), "other"));
    AgencyId me = agency.require();
    ManualDecision d = decide(() -> service.merge(me, user(), parse(id), other, reason), id);
    audit.record(
        AuditAction.SUBJECT_MERGED, AuditSubjectType.SUBJECT, id, d.describe() + " with " + other);
    return decision(d);
  }

  /**
   * 404 before anything else for a subject none of whose tips are the agency's, so another agency's
   * subject answers the same whatever the body says.
   */
  private void requireVisible(String id) {
    if (subjects.document(agency.require(), id).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such subject");
    }
  }

  @PostMapping(value = "/api/v1/holds", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> hold(@RequestBody HoldRequest body) {
    String caseNumber = required(body.caseNumber(), "caseNumber");
    String contact = required(body.contact(), "contact");
    AgencyId me = agency.require();
    if ((body.tip() == null) == (body.subject() == null)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give either tip or subject");
    }
    String target = body.tip() != null ? "tip " + body.tip() : body.subject();
    Hold h =
        decide(
            () -> {
              if (body.tip() != null) {
                if (body.tip() < 1) {
                  throw new LinkTriageService.Refused("no tip " + body.tip(), true);
                }
                return service.holdTip(me, new TipId(body.tip()), caseNumber, contact);
              }
              return service.holdSubject(me, parse(body.subject()), caseNumber, contact);
            },
            target);
    audit.record(
        AuditAction.HOLD_RECORDED,
        body.tip() != null ? AuditSubjectType.TIP : AuditSubjectType.SUBJECT,
        body.tip() != null ? body.tip().toString() : body.subject(),
        "case " + caseNumber);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("agency", h.agency().code());
    m.put("tip", h.tip().value());
    m.put("caseNumber", h.caseNumber());
    m.put("contact", h.contact());
    m.put("since", h.since().toString());
    return m;
  }

  private static <T> T decide(java.util.function.Supplier<T> action, String target) {
    try {
      return action.get();
    } catch (LinkTriageService.Refused e) {
      if (e.notFound()) {
        throw notFound(target);
      }
      throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  private static Map<String, Object> decision(ManualDecision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", d.kind().name());
    m.put("sideA", d.sideA().stream().map(PersonRef::toString).toList());
    m.put("sideB", d.sideB().stream().map(PersonRef::toString).toList());
    m.put("reason", d.reason());
    m.put("user", d.user());
    m.put("at", d.at().toString());
    return m;
  }

  private static SubjectId parse(String id) {
    try {
      return SubjectId.parse(id);
    } catch (IllegalArgumentException e) {
      throw notFound(id);
    }
  }

  private static String required(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + " is required");
    }
    return value.strip();
  }

  private static String user() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null ? "(anonymous)" : auth.getName();
  }

  private static ResponseStatusException notFound(String id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "no subject or tip '" + id + "'");
  }
}
