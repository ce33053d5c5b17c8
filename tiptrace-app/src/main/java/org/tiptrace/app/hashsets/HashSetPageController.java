package org.tiptrace.app.hashsets;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.hash.sets.StoredHashSet;
import org.tiptrace.job.JobState;

/**
 * {@code /admin/hashsets} (role {@code ADMINISTRATOR}): the national hash sets, an upload form and
 * a remove button per set, each starting a job whose page ({@code /admin/hashsets/jobs/{id}}) shows
 * its progress and refreshes every two seconds while it runs. The same jobs as the API.
 */
@Controller
class HashSetPageController {
  private final HashSetAdmin admin;
  private final TiptraceBackend backend;
  private final AuditTrail audit;

  HashSetPageController(HashSetAdmin admin, TiptraceBackend backend, AuditTrail audit) {
    this.admin = admin;
    this.backend = backend;
    this.audit = audit;
  }

  @GetMapping("/admin/hashsets")
  String list(Model model) {
    List<StoredHashSet> sets = backend.hashSets().list();
    audit.record(
        AuditAction.HASH_SETS_LISTED, AuditSubjectType.HASH_SET, "all", sets.size() + " sets");
    model.addAttribute("sets", sets);
    model.addAttribute("categoryMap", org.tiptrace.hash.sets.VicsCategoryMap.bundled().label());
    model.addAttribute(
        "staleSets", admin.staleCategoryMap().stream().map(s -> s.info().name()).toList());
    model.addAttribute("categoryMapJob", admin.latestNationalCategoryMapJob().orElse(null));
    return "hashsets/list";
  }

  /** Starts the re-derivation; with nothing stale (a second click) back to the list. */
  @PostMapping("/admin/hashsets/category-map")
  String applyCategoryMap() {
    if (admin.staleCategoryMap().isEmpty()) {
      return "redirect:/admin/hashsets";
    }
    return "redirect:/admin/hashsets/jobs/" + admin.startCategoryMap().id();
  }

  @PostMapping("/admin/hashsets")
  String upload(
      @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(defaultValue = "") String format,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String version,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(required = false) @Nullable String source,
      @RequestParam(required = false) @Nullable String licence)
      throws IOException {
    HashSetJobs.View job =
        admin.startImport(
            file == null || file.isEmpty() ? null : file,
            format,
            name,
            version,
            kind,
            source,
            licence);
    return "redirect:/admin/hashsets/jobs/" + job.id();
  }

  @PostMapping("/admin/hashsets/remove")
  String remove(@RequestParam(defaultValue = "") String name) {
    return "redirect:/admin/hashsets/jobs/" + admin.startRemove(name).id();
  }

  @PostMapping("/admin/hashsets/jobs/{id}/rerun")
  String rerun(@PathVariable String id) {
    return "redirect:/admin/hashsets/jobs/" + admin.rerun(id).id();
  }

  @GetMapping("/admin/hashsets/jobs/{id}")
  String job(@PathVariable String id, Model model) {
    HashSetJobs.View job = admin.job(id);
    model.addAttribute("job", job);
    model.addAttribute("running", !job.state().finished());
    model.addAttribute("interrupted", job.state() == JobState.INTERRUPTED);
    model.addAttribute("percent", job.total() == 0 ? 0 : (int) (100L * job.done() / job.total()));
    return "hashsets/job";
  }
}
