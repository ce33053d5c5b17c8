package org.tiptrace.app.ip;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.job.JobState;

/**
 * The pages of the re-assessment job: {@code /ip/reassess} (a form that starts it) and {@code
 * /ip/jobs/{id}} (its progress, refreshed every two seconds while it runs). The same jobs as the
 * API's; another agency's job answers 404.
 */
@Controller
class IpPageController {
  private final IpJobs jobs;
  private final CurrentAgency agency;
  private final AuditTrail audit;

  IpPageController(IpJobs jobs, CurrentAgency agency, AuditTrail audit) {
    this.jobs = jobs;
    this.agency = agency;
    this.audit = audit;
  }

  @GetMapping("/ip/reassess")
  String form() {
    return "ip/reassess";
  }

  @PostMapping("/ip/reassess")
  String start(@RequestParam(defaultValue = "false") boolean all) {
    IpJobs.View job = jobs.startReassess(agency.require(), all);
    audit.record(
        AuditAction.IP_REASSESS_STARTED, AuditSubjectType.JOB, job.id(), all ? "all" : "stale");
    return "redirect:/ip/jobs/" + job.id();
  }

  @PostMapping("/ip/jobs/{id}/rerun")
  String rerun(@PathVariable String id) {
    return "redirect:/ip/jobs/" + IpApiController.rerun(jobs, agency, audit, id).id();
  }

  @GetMapping("/ip/jobs/{id}")
  String job(@PathVariable String id, Model model) {
    IpJobs.View job =
        jobs.find(agency.require(), id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no job " + id));
    model.addAttribute("job", job);
    model.addAttribute("running", !job.state().finished());
    model.addAttribute("interrupted", job.state() == JobState.INTERRUPTED);
    model.addAttribute("percent", job.total() == 0 ? 0 : (int) (100L * job.done() / job.total()));
    return "ip/job";
  }
}
