package org.tiptrace.app.evidence;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.app.evidence.EvidenceViews.DecisionView;
import org.tiptrace.app.evidence.EvidenceViews.Refusal;
import org.tiptrace.evidence.GateDecision;

/**
 * The files panel: {@code GET /tips/{id}/files} (the whole page, or only the panel for htmx, which
 * the tip page loads with {@code hx-get}), the warrant form's {@code POST /tips/{id}/warrants}, the
 * images' {@code GET /tips/{id}/files/{fileId}/content} and {@code POST …/reveal}, which records an
 * unblur before the script removes the blur.
 */
@Controller
class EvidencePageController {
  private static final String HX = "HX-Request";

  private final AgencyEvidence evidence;

  EvidencePageController(AgencyEvidence evidence) {
    this.evidence = evidence;
  }

  @GetMapping("/tips/{id}/files")
  String panel(
      @PathVariable String id,
      @RequestHeader(name = HX, required = false) @Nullable String hx,
      Model model) {
    model.addAttribute("view", evidence.files(id, "page"));
    return view(hx);
  }

  @PostMapping("/tips/{id}/warrants")
  String warrant(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String number,
      @RequestParam(required = false) @Nullable String court,
      @RequestParam(required = false) @Nullable String issuedOn,
      @RequestParam(name = "fileIds", required = false) @Nullable List<String> fileIds,
      @RequestHeader(name = HX, required = false) @Nullable String hx,
      Model model,
      HttpServletResponse response) {
    try {
      evidence.recordWarrant(id, number, court, issuedOn, fileIds, "page");
    } catch (ResponseStatusException e) {
      if (e.getStatusCode().value() != HttpStatus.BAD_REQUEST.value()) {
        throw e;
      }
      // htmx swaps only 2xx answers by default; a plain form post gets the 400 it deserves.
      response.setStatus(hx == null ? HttpStatus.BAD_REQUEST.value() : HttpStatus.OK.value());
      model.addAttribute("error", e.getReason());
      model.addAttribute("errorField", errorField(e.getReason()));
      // Keep what was typed, so the investigator corrects one field instead of retyping all.
      model.addAttribute("typedNumber", number == null ? "" : number);
      model.addAttribute("typedCourt", court == null ? "" : court);
      model.addAttribute("typedIssuedOn", issuedOn == null ? "" : issuedOn);
      model.addAttribute("view", evidence.files(id, "page"));
      return view(hx);
    }
    if (hx == null) {
      return "redirect:/tips/" + id + "/files";
    }
    model.addAttribute("message", "Warrant recorded.");
    model.addAttribute("view", evidence.files(id, "page"));
    return view(hx);
  }

  @GetMapping("/tips/{id}/files/{fileId}/content")
  ResponseEntity<?> content(
      @PathVariable String id, @PathVariable String fileId, HttpServletRequest request) {
    return ContentResponses.content(evidence.content(id, fileId, "page"), id, request);
  }

  @PostMapping("/tips/{id}/files/{fileId}/reveal")
  ResponseEntity<?> reveal(
      @PathVariable String id, @PathVariable String fileId, HttpServletRequest request) {
    GateDecision d = evidence.reveal(id, fileId, "page");
    if (d.allowed()) {
      return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(
            new Refusal(
                403,
                "blocked by the file-viewing gate",
                request.getRequestURI(),
                DecisionView.of(d)));
  }

  /** The field a refusal names ({@code issuedOn: …} → {@code issuedOn}), or empty. */
  static String errorField(@Nullable String reason) {
    if (reason == null) {
      return "";
    }
    int colon = reason.indexOf(':');
    String field = colon > 0 ? reason.substring(0, colon) : "";
    return List.of("number", "court", "issuedOn", "fileIds").contains(field) ? field : "";
  }

  @ModelAttribute("warrantMaxDate")
  String warrantMaxDate() {
    return evidence.today().toString();
  }

  private static String view(@Nullable String hx) {
    return hx == null ? "evidence/files" : "evidence/files :: panel";
  }
}
