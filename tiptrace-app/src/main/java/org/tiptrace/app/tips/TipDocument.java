package org.tiptrace.app.tips;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tiptrace.evidence.ExifWithheld;
import org.tiptrace.hash.content.ComputedHashes;
import org.tiptrace.hash.content.ComputedPdq;
import org.tiptrace.hash.sets.FileMatches;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.HashSource;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipJson;

/**
 * What {@code tiptrace tips show --json} prints and {@code GET /api/v1/tips/{id}} returns, byte for
 * byte: {@code {"tip": <canonical tip JSON>, "ipAssessments": [...], "ipAttribution": {"dataSets",
 * "computedAt"}, "routing": {"outcome", "agency", "reasons", ...}, "hashMatches": {"hashSets",
 * "computedAt", "files": [{"fileIndex", "verdict", "matches"}]}}}. The IP members are {@code null}
 * when the tip's IP events were never assessed ({@code routing} also when they were assessed before
 * routing was stored), {@code hashMatches} when its files were never matched. The tip's files carry
 * their HASH metadata only: EXIF is withheld ({@link ExifWithheld}).
 */
public final class TipDocument {
  private TipDocument() {}

  public static String json(
      Tip tip,
      Optional<AssessmentRepository.Stored> assessments,
      Optional<HashSetRepository.StoredMatches> hashMatches) {
    Map<String, Object> out = new LinkedHashMap<>();
    // EXIF goes out only through the viewing gate (GET …/files/{fileId}/exif), never here.
    out.put(
        "tip",
        new Tip(
            tip.id(),
            tip.agency(),
            tip.source(),
            tip.receivedAt(),
            ExifWithheld.report(tip.report())));
    out.put(
        "ipAssessments", assessments.map(AssessmentRepository.Stored::assessments).orElse(null));
    out.put(
        "ipAttribution",
        assessments
            .map(
                a -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("dataSets", a.dataSets());
                  m.put("computedAt", a.computedAt().toString());
                  return m;
                })
            .orElse(null));
    out.put("routing", assessments.flatMap(AssessmentRepository.Stored::routingTree).orElse(null));
    out.put(
        "hashMatches",
        hashMatches
            .map(
                h -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("hashSets", h.matches().sets());
                  m.put("computedAt", h.computedAt().toString());
                  m.put("files", h.matches().files());
                  return m;
                })
            .orElse(null));
    return TipJson.writePretty(out);
  }

  /**
   * One line per file for the text view: file number, verdict, and each match (set, version,
   * category, series, method, PDQ distance).
   */
  public static List<String> hashLines(HashSetRepository.StoredMatches stored) {
    List<String> lines = new ArrayList<>();
    for (FileMatches f : stored.matches().files()) {
      StringBuilder sb =
          new StringBuilder("file ").append(f.fileIndex() + 1).append(": ").append(f.verdict());
      for (HashMatch m : f.matches()) {
        sb.append("; ").append(matchLine(m));
      }
      f.computed().ifPresent(c -> sb.append("; ").append(computedLine(c)));
      lines.add(sb.toString());
    }
    return lines;
  }

  /**
   * One match in words: set, version, kind, category, series, method, PDQ distance, and for a hash
   * Tiptrace computed from the bytes, that it did and which rotation or flip matched.
   */
  public static String matchLine(HashMatch m) {
    return m.setName()
        + ' '
        + m.setVersion()
        + " ("
        + m.kind()
        + m.category().map(c -> ", category " + c).orElse("")
        + m.series().map(s -> ", series " + s).orElse("")
        + (m.victimIdentified().isTrue() ? ", victim identified" : "")
        + ", "
        + m.method()
        + (m.distance().isPresent() ? " distance " + m.distance().getAsInt() : "")
        + (m.source() == HashSource.COMPUTED ? ", hash computed by Tiptrace" : "")
        + m.variant().map(v -> ", variant " + v).orElse("")
        + ')';
  }

  /** What Tiptrace computed from a file's bytes, in words (no content). */
  public static String computedLine(ComputedHashes c) {
    StringBuilder b = new StringBuilder("computed by Tiptrace from bytes sha256 ");
    b.append(c.sha256().hex()).append(':');
    c.digests().forEach(d -> b.append(' ').append(d.algorithm()).append(' ').append(d.value()));
    ComputedPdq p = c.pdq();
    b.append(" PDQ ").append(p.status());
    p.hash().ifPresent(h -> b.append(' ').append(h));
    p.quality().ifPresent(q -> b.append(" quality ").append(q));
    p.reason().ifPresent(r -> b.append(" (").append(r).append(')'));
    return b.toString();
  }

  /**
   * One line per assessed IP event for the text view: address, port, status and retention deadline.
   */
  public static List<String> lines(AssessmentRepository.Stored stored) {
    List<String> lines = new ArrayList<>();
    for (JsonNode a : stored.assessments()) {
      String ip = text(a.get("ip")).orElse(text(a.get("rawIp")).orElse("?"));
      Optional<String> port = text(a.get("port"));
      String deadline =
          Optional.ofNullable(a.get("deadline"))
              .filter(d -> !d.isNull())
              .map(
                  d ->
                      text(d.get("likelyGoneAfter"))
                              .map(date -> "likely gone after " + date)
                              .orElse("deadline unknown")
                          + text(d.get("signal")).map(s -> " (" + s + ")").orElse(""))
              .orElse("no deadline");
      lines.add(
          ip
              + port.map(p -> " port " + p).orElse("")
              + ": "
              + text(a.get("status")).orElse("?")
              + "; "
              + deadline);
    }
    return lines;
  }

  /** The routing line for the text view: {@code routing: ROUTED to X (reason)}. */
  public static Optional<String> routingLine(AssessmentRepository.Stored stored) {
    return stored
        .routingTree()
        .map(
            r -> {
              List<String> reasons = new ArrayList<>();
              r.path("reasons").forEach(n -> reasons.add(n.asText()));
              return "routing: "
                  + text(r.get("outcome")).orElse("?")
                  + text(r.get("agency")).map(a -> " to " + a).orElse("")
                  + " ("
                  + String.join("; ", reasons)
                  + ")";
            });
  }

  private static Optional<String> text(JsonNode node) {
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
  }
}
