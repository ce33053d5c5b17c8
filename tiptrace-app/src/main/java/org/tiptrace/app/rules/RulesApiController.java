package org.tiptrace.app.rules;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.app.web.ApiEndpoint;
import org.tiptrace.rules.RuleCheck;
import org.tiptrace.rules.RuleKind;
import org.tiptrace.rules.StoredRuleSet;

/**
 * Rule-set administration (ADMINISTER; the rules are national): {@code GET /api/v1/rules} (every
 * version of both kinds), {@code GET /api/v1/rules/{kind}/{version}} (the YAML and what it says;
 * the gate's citations resolved), {@code …/diff} (against the active version), {@code POST
 * /api/v1/rules/{kind}} (a new version: the raw YAML as the body (for example {@code
 * application/yaml}) with {@code ?note=}, or multipart {@code file} + {@code note}; 201, or 400
 * with each problem's line and reason and nothing stored), {@code POST …/{version}/activate} (200;
 * for triage with the re-scoring job, whose progress is {@code GET /api/v1/rules/jobs/{id}}). Every
 * read and change is audited.
 */
@RestController
class RulesApiController implements ApiEndpoint {
  private final RuleAdmin admin;

  RulesApiController(RuleAdmin admin) {
    this.admin = admin;
  }

  @GetMapping(value = "/api/v1/rules", produces = MediaType.APPLICATION_JSON_VALUE)
  RuleViews.ListView list() {
    return admin.list();
  }

  @GetMapping(value = "/api/v1/rules/{kind}/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
  RuleViews.DetailView show(@PathVariable String kind, @PathVariable String version) {
    return RuleViews.DetailView.of(admin.view(kind, version, "api"));
  }

  @GetMapping(
      value = "/api/v1/rules/{kind}/{version}/diff",
      produces = MediaType.APPLICATION_JSON_VALUE)
  RuleViews.DiffView diff(@PathVariable String kind, @PathVariable String version) {
    StoredRuleSet s = admin.view(kind, version, "api diff");
    return new RuleViews.DiffView(
        s.kind().slug(), admin.active(s.kind()).version(), s.version(), admin.diff(s));
  }

  /** The raw file as the body, any content type but multipart (JSON is YAML too). */
  @PostMapping(value = "/api/v1/rules/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> submitRaw(
      @PathVariable String kind,
      @RequestParam(defaultValue = "") String note,
      @RequestParam(defaultValue = "") String fileName,
      @RequestBody(required = false) byte @Nullable [] body,
      HttpServletRequest request) {
    RuleKind k = RuleAdmin.kind(kind);
    return submitted(k, body == null ? new byte[0] : body, fileName, note, request);
  }

  @PostMapping(
      value = "/api/v1/rules/{kind}",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> submitMultipart(
      @PathVariable String kind,
      @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(defaultValue = "") String note,
      HttpServletRequest request)
      throws IOException {
    RuleKind k = RuleAdmin.kind(kind);
    if (file == null) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "the multipart field 'file' is missing");
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
        request);
  }

  private ResponseEntity<?> submitted(
      RuleKind kind, byte[] bytes, String fileName, String note, HttpServletRequest request) {
    RuleSets.Submission s = admin.submit(kind, bytes, fileName, note);
    if (s instanceof RuleSets.Refused r) {
      return ResponseEntity.badRequest()
          .body(
              new RuleViews.RefusedView(
                  400,
                  "the " + kind.slug() + " rules were refused; nothing was stored",
                  request.getRequestURI(),
                  r.problems().stream().map(RuleViews.ProblemView::of).toList()));
    }
    RuleSets.Stored stored = (RuleSets.Stored) s;
    StoredRuleSet v = stored.version();
    return ResponseEntity.created(URI.create("/api/v1/rules/" + kind.slug() + "/" + v.version()))
        .body(new RuleViews.StoredView(RuleViews.VersionView.of(v), stored.summary()));
  }

  @PostMapping(
      value = "/api/v1/rules/{kind}/{version}/activate",
      produces = MediaType.APPLICATION_JSON_VALUE)
  RuleViews.ActivatedView activate(
      @PathVariable String kind,
      @PathVariable String version,
      @RequestParam(defaultValue = "") String note) {
    return admin.activate(kind, version, note);
  }

  @GetMapping(value = "/api/v1/rules/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  RuleJobs.View job(@PathVariable String id) {
    return admin.job(id);
  }
}
