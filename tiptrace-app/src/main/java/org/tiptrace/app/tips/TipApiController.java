package org.tiptrace.app.tips;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tiptrace.app.web.ApiEndpoint;
import org.tiptrace.app.web.ApiPage;
import org.tiptrace.tip.TipSummary;

/**
 * {@code GET /api/v1/tips} (a page of summaries in the {@link ApiPage} envelope) and {@code
 * /api/v1/tips/{id}}.
 */
@RestController
@RequestMapping("/api/v1/tips")
class TipApiController implements ApiEndpoint {
  private final AgencyTips tips;

  TipApiController(AgencyTips tips) {
    this.tips = tips;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  ApiPage<TipSummary> list(
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
    tips.audit().tipsListed(offset, limit, "api");
    return ApiPage.of(tips.page(offset, limit));
  }

  /** The {@link TipDocument}, byte for byte what {@code tiptrace tips show --json} prints. */
  @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> show(@PathVariable String id) {
    tips.audit().tipViewed(id, "api");
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(tips.document(id));
  }
}
