package org.tiptrace.app.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tiptrace.link.Association;
import org.tiptrace.link.Evidence;
import org.tiptrace.link.Identifier;
import org.tiptrace.link.IdentifierKind;
import org.tiptrace.link.Linker;
import org.tiptrace.link.PersonIdentifiers;
import org.tiptrace.link.PersonRef;
import org.tiptrace.link.Subject;
import org.tiptrace.link.SubjectId;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;

/**
 * The neighbourhood of a tip or a subject, as nodes and edges for Cytoscape.js and for the text
 * list beside it.
 *
 * <p>Nodes: subjects (merged persons), their identifiers (accounts, emails, phones, ...), their
 * tips and the files of those tips (by hash). Edges: subject → tip ("merge": the subject's persons
 * in that tip, with the evidence that merged them), subject → identifier, tip → file, and subject →
 * subject ("association": weak ties, with their evidence). Associated subjects are shown but not
 * expanded, which keeps the graph one hop wide; at most {@link #MAX_NODES} nodes.
 *
 * <p>Built only from a linker of the viewing agency's own tips ({@link AgencyData}), so no other
 * agency's tip, person or identifier can appear.
 */
final class SubjectGraph {
  static final int MAX_NODES = 300;

  /** A node; {@code href} links to its own page where there is one. */
  record Node(String id, String kind, String label, Optional<String> href, List<String> details) {
    Node {
      details = List.copyOf(details);
    }
  }

  record Edge(
      String id, String source, String target, String kind, String label, List<String> evidence) {
    Edge {
      evidence = List.copyOf(evidence);
    }
  }

  record Graph(String focus, String title, List<Node> nodes, List<Edge> edges, boolean truncated) {
    Graph {
      nodes = List.copyOf(nodes);
      edges = List.copyOf(edges);
    }

    /** The node's label, for the text list of edges. */
    public String label(String nodeId) {
      return nodes.stream()
          .filter(n -> n.id().equals(nodeId))
          .map(Node::label)
          .findFirst()
          .orElse(nodeId);
    }

    /** The JSON the graph script reads. */
    Map<String, Object> json() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("focus", focus);
      out.put("title", title);
      out.put("truncated", truncated);
      List<Map<String, Object>> ns = new ArrayList<>();
      for (Node n : nodes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("kind", n.kind());
        m.put("label", n.label());
        m.put("href", n.href().orElse(null));
        m.put("details", n.details());
        ns.add(m);
      }
      List<Map<String, Object>> es = new ArrayList<>();
      for (Edge e : edges) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("source", e.source());
        m.put("target", e.target());
        m.put("kind", e.kind());
        m.put("label", e.label());
        m.put("evidence", e.evidence());
        es.add(m);
      }
      out.put("nodes", ns);
      out.put("edges", es);
      return out;
    }
  }

  private final AgencyData.Snapshot data;
  private final Linker linker;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, Edge> edges = new LinkedHashMap<>();
  private boolean truncated;

  private SubjectGraph(AgencyData.Snapshot data) {
    this.data = data;
    this.linker = data.linker();
  }

  /** The subjects of a tip and their neighbourhood; empty when the agency has no such tip. */
  static Optional<Graph> ofTip(AgencyData.Snapshot data, TipId tip) {
    if (data.tip(tip).isEmpty()) {
      return Optional.empty();
    }
    SubjectGraph g = new SubjectGraph(data);
    g.tipNode(tip);
    for (SubjectId s : g.linker.subjectsOfTip(tip)) {
      g.subject(s);
    }
    return Optional.of(g.build("tip:" + tip, "Tip " + tip));
  }

  /** One subject and its neighbourhood; empty when the token names no subject of the agency. */
  static Optional<Graph> ofSubject(AgencyData.Snapshot data, String token) {
    Optional<SubjectId> id = resolve(data.linker(), token);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    SubjectGraph g = new SubjectGraph(data);
    g.subject(id.get());
    return Optional.of(g.build(subjectNodeId(id.get()), "Subject " + id.get()));
  }

  /** A subject id in a URL: its anchor person with '-' for '/', {@code t12-R0}. */
  static String token(SubjectId id) {
    return id.anchor().toString().replace('/', '-');
  }

  /** The current subject of a person token {@code t12-R0} (also one merged into another). */
  static Optional<SubjectId> resolve(Linker linker, String token) {
    if (!token.matches("t[0-9]{1,18}-[A-Z][0-9]{1,6}")) {
      return Optional.empty();
    }
    String ref = token.replace('-', '/');
    for (Subject s : linker.subjects()) {
      for (PersonRef p : s.members()) {
        if (p.toString().equals(ref)) {
          return Optional.of(s.id());
        }
      }
    }
    return Optional.empty();
  }

  private Graph build(String focus, String title) {
    return new Graph(
        focus, title, List.copyOf(nodes.values()), List.copyOf(edges.values()), truncated);
  }

  private static String subjectNodeId(SubjectId id) {
    return "subject:" + id;
  }

  private boolean node(Node n) {
    if (nodes.containsKey(n.id())) {
      return true;
    }
    if (nodes.size() >= MAX_NODES) {
      truncated = true;
      return false;
    }
    nodes.put(n.id(), n);
    return true;
  }

  private void edge(
      String source, String target, String kind, String label, List<String> evidence) {
    if (!nodes.containsKey(source) || !nodes.containsKey(target)) {
      return;
    }
    String id = kind + ":" + source + "->" + target;
    edges.putIfAbsent(id, new Edge(id, source, target, kind, label, evidence));
  }

  private String tipNode(TipId id) {
    String nodeId = "tip:" + id;
    Optional<Tip> tip = data.tip(id);
    List<String> details = new ArrayList<>();
    tip.flatMap(t -> t.report().cybertipReportId()).ifPresent(r -> details.add("CyberTip " + r));
    tip.flatMap(t -> t.report().incidentSummary().incidentType())
        .ifPresent(t -> details.add("incident: " + t.wire()));
    if (!node(new Node(nodeId, "tip", "Tip " + id, Optional.of("/tips/" + id), details))) {
      return nodeId;
    }
    tip.ifPresent(this::files);
    return nodeId;
  }

  private void files(Tip tip) {
    List<ReportedFile> files = tip.report().files();
    for (int i = 0; i < files.size(); i++) {
      ReportedFile f = files.get(i);
      Optional<FileHash> hash =
          f.hashes().stream()
              .filter(h -> h.algorithm() != HashAlgorithm.PDQ)
              .findFirst()
              .or(() -> f.hashes().stream().findFirst());
      String name = f.fileName().or(f::originalFileName).orElse("file " + (i + 1));
      String nodeId =
          hash.map(h -> "file:" + h.algorithm() + ":" + h.value())
              .orElse("file:t" + tip.id() + "#" + (i + 1));
      List<String> details = new ArrayList<>();
      f.hashes().forEach(h -> details.add(h.algorithm() + " " + h.value()));
      if (hash.isEmpty()) {
        details.add("no hash reported");
      }
      if (node(new Node(nodeId, "file", name, Optional.empty(), details))) {
        edge(
            "tip:" + tip.id(),
            nodeId,
            "file",
            "reported file",
            List.of(name + " reported in tip " + tip.id()));
      }
    }
  }

  private void subject(SubjectId id) {
    Subject s = linker.subject(id);
    String sid = subjectNodeId(id);
    List<String> details = new ArrayList<>();
    details.add(s.members().size() + (s.members().size() == 1 ? " person" : " persons"));
    details.addAll(s.reviewFlags().stream().map(f -> "review: " + f).toList());
    if (!node(
        new Node(
            sid,
            "subject",
            "Subject " + id,
            Optional.of("/subjects/" + token(id) + "/graph"),
            details))) {
      return;
    }
    for (TipId t : s.tips()) {
      String tn = tipNode(t);
      List<String> members =
          s.members().stream().filter(m -> m.tip().equals(t)).map(PersonRef::toString).toList();
      List<String> evidence = new ArrayList<>();
      evidence.add("persons " + String.join(", ", members) + " of tip " + t);
      for (Evidence e : s.evidence()) {
        if (e.tips().contains(t)) {
          evidence.add(e.text());
        }
      }
      edge(sid, tn, "merge", s.tips().size() > 1 ? "merged person" : "person", evidence);
      for (PersonIdentifiers p : data.tip(t).map(Linker::identifiers).orElse(List.of())) {
        if (!members.contains(p.person().toString())) {
          continue;
        }
        for (Identifier i : p.identifiers()) {
          if (i.kind() == IdentifierKind.FILE_HASH) {
            continue; // files are nodes of their own, linked to the tips that reported them
          }
          String in = "identifier:" + i.key();
          if (node(
              new Node(
                  in,
                  "identifier",
                  i.kind().label() + " " + i.display(),
                  Optional.empty(),
                  List.of(
                      i.strength().name().toLowerCase(java.util.Locale.ROOT) + " identifier")))) {
            edge(sid, in, "identifier", i.kind().label(), List.of("held by person " + p.person()));
          }
        }
      }
    }
    for (Association a : linker.associations(id)) {
      String on = subjectNodeId(a.other());
      if (node(
          new Node(
              on,
              "subject",
              "Subject " + a.other(),
              Optional.of("/subjects/" + token(a.other()) + "/graph"),
              List.of("associated, not merged")))) {
        edge(
            sid,
            on,
            "association",
            "association (strength " + a.strength() + ")",
            a.evidence().stream().map(Evidence::text).toList());
      }
    }
  }
}
