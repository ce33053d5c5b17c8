// The subject graph: Cytoscape.js draws the JSON of data-graph-url; selecting a node or an edge
// shows its details and evidence in the side panel. The same data is listed in the page as text.
"use strict";

(function () {
  var container = document.getElementById("graph");
  var panel = document.getElementById("graph-details");
  if (!container || !panel || typeof cytoscape !== "function") {
    return;
  }

  function show(title, lines, href) {
    var heading = document.createElement("h2");
    heading.textContent = title;
    var list = document.createElement("ul");
    lines.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    var parts = [heading, list];
    if (href) {
      var link = document.createElement("a");
      link.href = href;
      link.textContent = "Open " + title;
      parts.push(link);
    }
    panel.replaceChildren.apply(panel, parts);
  }

  fetch(container.getAttribute("data-graph-url"), {
    credentials: "same-origin",
    headers: { Accept: "application/json" }
  })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    })
    .then(function (graph) {
      var elements = [];
      graph.nodes.forEach(function (n) {
        elements.push({ group: "nodes", data: n, classes: n.kind });
      });
      graph.edges.forEach(function (e) {
        elements.push({ group: "edges", data: e, classes: e.kind });
      });
      var cy = cytoscape({
        container: container,
        elements: elements,
        layout: { name: "cose", animate: false },
        style: [
          { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#6b7280" } },
          { selector: "node.tip", style: { shape: "round-rectangle", "background-color": "#1d4ed8" } },
          { selector: "node.subject", style: { shape: "ellipse", "background-color": "#b45309" } },
          { selector: "node.identifier", style: { shape: "diamond", "background-color": "#047857" } },
          { selector: "node.file", style: { shape: "rectangle", "background-color": "#6d28d9" } },
          { selector: "edge", style: { width: 2, "line-color": "#9ca3af", "curve-style": "bezier" } },
          { selector: "edge.association", style: { "line-style": "dashed", "line-color": "#dc2626" } },
          { selector: ":selected", style: { "border-width": 3, "border-color": "#111827", "line-color": "#111827" } }
        ]
      });
      container.setAttribute("data-rendered", String(cy.nodes().length));
      cy.on("tap", "node", function (event) {
        var d = event.target.data();
        show(d.label, [d.kind].concat(d.details || []), d.href);
      });
      cy.on("tap", "edge", function (event) {
        var d = event.target.data();
        var source = cy.getElementById(d.source).data("label");
        var target = cy.getElementById(d.target).data("label");
        show(source + " — " + d.label + " — " + target, d.evidence || [], null);
      });
    })
    .catch(function () {
      var message = document.createElement("p");
      message.className = "notice";
      message.textContent = "The graph could not be drawn; the lists below hold the same data.";
      container.replaceChildren(message);
    });
})();
