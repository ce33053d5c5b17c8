package org.tiptrace.app.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.rules.RuleKind;
import org.tiptrace.rules.StoredRuleSet;
import org.tiptrace.tip.AgencyId;

/**
 * What the rule API and pages share: resolve the kind and version of a path (404 naming what is
 * unknown), read and audit, submit and activate as the signed-in administrator, start the
 * re-scoring job after a triage activation.
 */
@Component
class RuleAdmin {
  private final RuleSets rules;
  private final RuleJobs jobs;
  private final CurrentAgency agency;

  RuleAdmin(RuleSets rules, RuleJobs jobs, CurrentAgency agency) {
    this.rules = rules;
    this.jobs = jobs;
    this.agency = agency;
  }

  /** The kind a path names; 404 for any other. */
  static RuleKind kind(String slug) {
    return RuleKind.fromSlug(slug)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    "no rule kind '" + slug + "' (known: triage, viewing-gate)"));
  }

  /** A stored version a path names, audited as viewed; 404 (also audited) when there is none. */
  StoredRuleSet view(String slug, String version, String what) {
    RuleKind k = kind(slug);
    int v = number(slug, version);
    Optional<StoredRuleSet> found =
        rules.list(k).stream().filter(s -> s.version() == v).findFirst();
    audit(
        AuditAction.RULE_SET_VIEWED,
        k.slug() + "/v" + v,
        found.isPresent() ? what : what + ": not found");
    return found.orElseThrow(
        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + k.slug() + " v" + v));
  }

  /** Every kind with its versions, audited. */
  RuleViews.ListView list() {
    List<RuleViews.KindView> kinds = new ArrayList<>();
    int count = 0;
    for (RuleKind k : RuleKind.values()) {
      List<StoredRuleSet> versions = rules.list(k);
      count += versions.size();
      kinds.add(
          new RuleViews.KindView(
              k.slug(),
              rules.active().active(k).version(),
              versions.stream().map(RuleViews.VersionView::of).toList()));
    }
    audit(AuditAction.RULE_SETS_LISTED, "all", count + " versions");
    return new RuleViews.ListView(RuleViews.NOTICE, kinds);
  }

  RuleSets.Submission submit(RuleKind kind, byte[] bytes, String fileName, String note) {
    return rules.submit(kind, bytes, fileName, note, actor(), Optional.of(agency.require()));
  }

  /** Activates; 404 unknown, 409 refused (already active, gate without counsel review). */
  RuleViews.ActivatedView activate(String slug, String version, String note) {
    RuleKind k = kind(slug);
    int v = number(slug, version);
    AgencyId a = agency.require();
    RuleSets.Activation done;
    try {
      done = rules.activate(k, v, note, actor(), Optional.of(a));
    } catch (RuleSets.Refusal e) {
      throw new ResponseStatusException(
          e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, e.getMessage());
    }
    Optional<RuleJobs.View> job =
        k == RuleKind.TRIAGE
            ? Optional.of(jobs.startRescore(a, done.now().label()))
            : Optional.empty();
    return new RuleViews.ActivatedView(
        RuleViews.VersionView.of(done.previous()), RuleViews.VersionView.of(done.now()), job);
  }

  /** The agency's re-scoring job, audited; 404 for an unknown id or another agency's job. */
  RuleJobs.View job(String id) {
    RuleJobs.View job =
        jobs.find(agency.require(), id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no job " + id));
    audit(AuditAction.RULE_SET_JOB_VIEWED, "job/" + id, job.state().name());
    return job;
  }

  /** The unified diff from the active version to {@code version}. */
  String diff(StoredRuleSet version) {
    return rules.diffAgainstActive(version);
  }

  StoredRuleSet active(RuleKind kind) {
    return rules.active().active(kind);
  }

  private void audit(AuditAction action, String subject, String detail) {
    rules.audit(actor(), Optional.of(agency.require()), action, subject, detail);
  }

  private static int number(String slug, String version) {
    String t = version.startsWith("v") ? version.substring(1) : version;
    try {
      int v = Integer.parseInt(t);
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through: not a version
    }
    throw new ResponseStatusException(
        HttpStatus.NOT_FOUND, "no " + slug + " version '" + version + "'");
  }

  private static String actor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null ? "(anonymous)" : auth.getName();
  }
}
