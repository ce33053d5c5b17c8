package org.tiptrace.app.ip;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.web.ApiEndpoint;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.tip.AgencyId;

/**
 * {@code POST /api/v1/ip/reassess} (a background re-assessment of the agency's tips), {@code GET
 * /api/v1/jobs/{id}} (its progress) and {@code GET /api/v1/routing/review} (the agency's tips whose
 * jurisdiction a person decides). Everything is the signed-in user's agency's; another agency's job
 * answers 404.
 */
@RestController
class IpApiController implements ApiEndpoint {
  private final IpJobs jobs;
  private final TiptraceBackend backend;
  private final CurrentAgency agency;
  private final AuditTrail audit;

  IpApiController(IpJobs jobs, TiptraceBackend backend, CurrentAgency agency, AuditTrail audit) {
    this.jobs = jobs;
    this.backend = backend;
    this.agency = agency;
    this.audit = audit;
  }

  @PostMapping(value = "/api/v1/ip/reassess", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IpJobs.View> reassess(@RequestParam(defaultValue = "false") boolean all) {
    IpJobs.View job = jobs.startReassess(agency.require(), all);
    audit.record(
        AuditAction.IP_REASSESS_STARTED, AuditSubjectType.JOB, job.id(), all ? "all" : "stale");
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/jobs/" + job.id()))
        .body(job);
  }

  @GetMapping(value = "/api/v1/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  IpJobs.View job(@PathVariable String id) {
    return jobs.find(agency.require(), id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no job " + id));
  }

  /** Re-runs an INTERRUPTED re-assessment (cut off by a restart); 409 for any other state. */
  @PostMapping(value = "/api/v1/jobs/{id}/rerun", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IpJobs.View> rerun(@PathVariable String id) {
    IpJobs.View job = rerun(jobs, agency, audit, id);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/jobs/" + job.id()))
        .body(job);
  }

  /**
   * The re-run the API and the page share: 404 for another agency's job, 409 if not INTERRUPTED.
   */
  static IpJobs.View rerun(IpJobs jobs, CurrentAgency agency, AuditTrail audit, String id) {
    IpJobs.View job;
    try {
      job =
          jobs.rerun(agency.require(), id)
              .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no job " + id));
    } catch (IllegalStateException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
    }
    audit.record(
        AuditAction.JOB_RERUN_STARTED, AuditSubjectType.JOB, id, "re-run as job " + job.id());
    return job;
  }

  @GetMapping(value = "/api/v1/routing/review", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> review(
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "offset must be >= 0 and limit 1..1000");
    }
    AgencyId a = agency.require();
    audit.record(
        AuditAction.ROUTING_REVIEW_LISTED,
        AuditSubjectType.ROUTING_REVIEW,
        "offset=" + offset + ",limit=" + limit,
        "api");
    List<Map<String, Object>> items = new ArrayList<>();
    for (AssessmentRepository.ReviewItem i :
        backend.ipAssessments().routingReview(a, offset, limit)) {
      items.add(RoutingReview.item(i));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("offset", offset);
    out.put("limit", limit);
    out.put("items", items);
    return out;
  }
}
