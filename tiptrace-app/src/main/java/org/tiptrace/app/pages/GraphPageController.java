package org.tiptrace.app.pages;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The graph pages and the JSON their script loads. The JSON sits on the page chain ({@code .json},
 * session) because the API chain is stateless Basic and ignores the page session.
 */
@Controller
class GraphPageController {
  private final SubjectGraphs graphs;

  GraphPageController(SubjectGraphs graphs) {
    this.graphs = graphs;
  }

  @GetMapping("/subjects")
  String subjects(Model model) {
    model.addAttribute("subjects", graphs.linkedSubjects());
    return "pages/subjects";
  }

  @GetMapping("/tips/{id}/graph")
  String tipGraph(@PathVariable String id, Model model) {
    return page(graphs.ofTip(id, "page"), "/tips/" + id + "/graph.json", model);
  }

  @GetMapping(value = "/tips/{id}/graph.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> tipGraphJson(@PathVariable String id) {
    return graphs.ofTip(id, "page json").json();
  }

  @GetMapping("/subjects/{id}/graph")
  String subjectGraph(@PathVariable String id, Model model) {
    return page(graphs.ofSubject(id, "page"), "/subjects/" + id + "/graph.json", model);
  }

  @GetMapping(value = "/subjects/{id}/graph.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> subjectGraphJson(@PathVariable String id) {
    return graphs.ofSubject(id, "page json").json();
  }

  private static String page(SubjectGraph.Graph graph, String jsonUrl, Model model) {
    model.addAttribute("graph", graph);
    model.addAttribute("jsonUrl", jsonUrl);
    return "pages/graph";
  }
}
