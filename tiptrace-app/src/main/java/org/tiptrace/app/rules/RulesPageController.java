package org.tiptrace.app.rules;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.rules.RuleCheck;
import org.tiptrace.rules.RuleKind;
import org.tiptrace.rules.StoredRuleSet;

/**
 * {@code /admin/rules} (role {@code ADMINISTRATOR}): the stored versions of the triage and
 * viewing-gate rules, a version's YAML with its diff against the active one (the gate's citations
 * rendered), labelled forms to submit a new version (pasted or uploaded; refused files come back
 * with each problem's line and reason and nothing stored) and to activate or roll back, and the
 * re-scoring job's page, refreshing every two seconds while it runs. No script: plain forms, CSRF
 * token in the body.
 */
@Controller
class RulesPageController {
  private final RuleAdmin admin;

  RulesPageController(RuleAdmin admin) {
    this.admin = admin;
  }

  @GetMapping("/admin/rules")
  String list(Model model) {
    model.addAttribute("list", admin.list());
    return "rules/list";
  }

  @PostMapping(
      value = "/admin/rules/{kind}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  String submitText(
      @PathVariable String kind,
      @RequestParam(defaultValue = "") String yaml,
      @RequestParam(defaultValue = "") String note,
      Model model,
      HttpServletResponse response) {
    RuleKind k = RuleAdmin.kind(kind);
    return submitted(k, yaml.getBytes(StandardCharsets.UTF_8), "", note, yaml, model, response);
  }

  @PostMapping(value = "/admin/rules/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String submitFile(
      @PathVariable String kind,
      @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(defaultValue = "") String note,
      Model model,
      HttpServletResponse response)
      throws IOException {
    RuleKind k = RuleAdmin.kind(kind);
    if (file == null || file.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "file: no file was chosen");
    }
    if (file.getSize() > RuleCheck.MAX_BYTES) {
      throw new ResponseStatusException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "file: " + file.getSize() + " bytes, at most " + RuleCheck.MAX_BYTES);
    }
    return submitted(
        k,
        file.getBytes(),
        Optional.ofNullable(file.getOriginalFilename()).orElse(""),
        note,
        "",
        model,
        response);
  }

  private String submitted(
      RuleKind kind,
      byte[] bytes,
      String fileName,
      String note,
      String pasted,
      Model model,
      HttpServletResponse response) {
    RuleSets.Submission s = admin.submit(kind, bytes, fileName, note);
    if (s instanceof RuleSets.Stored stored) {
      return "redirect:/admin/rules/" + kind.slug() + "/" + stored.version().version() + "?stored";
    }
    RuleSets.Refused refused = (RuleSets.Refused) s;
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("list", admin.list());
    model.addAttribute("refusedKind", kind.slug());
    model.addAttribute("problems", refused.problems());
    model.addAttribute("pasted", pasted);
    model.addAttribute("note", note);
    return "rules/list";
  }

  @GetMapping("/admin/rules/{kind}/{version}")
  String show(
      @PathVariable String kind,
      @PathVariable String version,
      @RequestParam(required = false) @Nullable String stored,
      Model model) {
    StoredRuleSet s = admin.view(kind, version, "page");
    fill(model, s);
    model.addAttribute("stored", stored != null);
    return "rules/show";
  }

  @PostMapping("/admin/rules/{kind}/{version}/activate")
  String activate(
      @PathVariable String kind,
      @PathVariable String version,
      @RequestParam(defaultValue = "") String note,
      Model model,
      HttpServletResponse response) {
    RuleViews.ActivatedView done;
    try {
      done = admin.activate(kind, version, note);
    } catch (ResponseStatusException e) {
      if (e.getStatusCode().value() != HttpStatus.CONFLICT.value()) {
        throw e;
      }
      StoredRuleSet s = admin.view(kind, version, "page after refused activation");
      fill(model, s);
      model.addAttribute("stored", false);
      model.addAttribute("refusal", e.getReason());
      response.setStatus(HttpStatus.CONFLICT.value());
      return "rules/show";
    }
    if (done.rescoreJob().isPresent()) {
      return "redirect:/admin/rules/jobs/" + done.rescoreJob().get().id();
    }
    return "redirect:/admin/rules/" + done.active().kind() + "/" + done.active().version();
  }

  @GetMapping("/admin/rules/jobs/{id}")
  String job(@PathVariable String id, Model model) {
    RuleJobs.View job = admin.job(id);
    model.addAttribute("job", job);
    model.addAttribute("running", job.running());
    model.addAttribute("percent", job.total() == 0 ? 0 : (int) (100L * job.done() / job.total()));
    return "rules/job";
  }

  private void fill(Model model, StoredRuleSet s) {
    StoredRuleSet active = admin.active(s.kind());
    RuleViews.DetailView detail = RuleViews.DetailView.of(s);
    model.addAttribute("notice", RuleViews.NOTICE);
    model.addAttribute("detail", detail);
    model.addAttribute("v", detail.version());
    model.addAttribute("activeVersion", active.version());
    model.addAttribute("activeLabel", active.label());
    List<RuleViews.DiffLine> diff = RuleViews.DiffLine.of(active.text(), s.text());
    model.addAttribute("diff", diff);
    boolean gate = s.kind() == RuleKind.VIEWING_GATE;
    boolean reviewed = !gate || detail.gate().orElseThrow().reviewedBy().isPresent();
    model.addAttribute("gate", gate);
    model.addAttribute("reviewed", reviewed);
    model.addAttribute("canActivate", !s.active() && reviewed);
    model.addAttribute("rollBack", s.version() < active.version());
  }
}
