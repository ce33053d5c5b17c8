package org.tiptrace.app.pages;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tiptrace.app.web.ApiEndpoint;

/**
 * {@code GET /api/v1/tips/{id}/graph}: the tip's subject graph as JSON ({@code focus, title,
 * truncated, nodes:[{id, kind, label, href, details}], edges:[{id, source, target, kind, label,
 * evidence}]}); 404 also for another agency's tip.
 */
@RestController
class GraphApiController implements ApiEndpoint {
  private final SubjectGraphs graphs;

  GraphApiController(SubjectGraphs graphs) {
    this.graphs = graphs;
  }

  @GetMapping(value = "/api/v1/tips/{id}/graph", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> tipGraph(@PathVariable String id) {
    return graphs.ofTip(id, "api").json();
  }
}
