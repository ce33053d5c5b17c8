package org.tiptrace.app.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tiptrace.evidence.FileGate;
import org.tiptrace.evidence.GateDecision;
import org.tiptrace.evidence.TipJurisdiction;
import org.tiptrace.evidence.Warrant;
import org.tiptrace.evidence.WarrantId;
import org.tiptrace.legal.Citation;
import org.tiptrace.legal.GateJurisdiction;
import org.tiptrace.legal.GateRuleSet;
import org.tiptrace.tip.FileHash;

/** The JSON (and template) shapes of the gate's answers. */
final class EvidenceViews {
  private EvidenceViews() {}

  /** {@code GET /api/v1/tips/{id}/files}. */
  record FilesView(
      long tip,
      RuleSetView ruleSet,
      JurisdictionView jurisdiction,
      List<FileView> files,
      List<WarrantView> warrants) {}

  /**
   * Where the gate placed the tip and which entry of the rule set decides its files.
   *
   * @param entry the rule set's entry applied ({@code US-CA9}, or {@code US-default} when the
   *     circuit is unknown or has no entry)
   * @param circuit the tip's federal circuit; empty when unknown
   * @param location the place and where it came from ({@code US/CA, US-CA9 (…; routing ROUTED
   *     US/CA)})
   */
  record JurisdictionView(
      String entry,
      String name,
      String mode,
      Optional<String> circuit,
      String location,
      String holding,
      List<Citation> citations) {
    static JurisdictionView of(TipJurisdiction place, GateRuleSet rules) {
      Optional<String> circuit = place.circuit().map(c -> c.id());
      GateJurisdiction j = rules.jurisdictionFor(circuit);
      return new JurisdictionView(
          j.id(),
          j.name(),
          j.mode().name().toLowerCase(Locale.ROOT),
          circuit,
          place.describe(),
          j.holding(),
          j.citations());
    }
  }

  record RuleSetView(
      String name,
      int version,
      LocalDate effectiveFrom,
      Optional<String> reviewedBy,
      Optional<LocalDate> reviewedOn,
      String defaultJurisdiction,
      String notice) {
    static RuleSetView of(GateRuleSet rules) {
      return new RuleSetView(
          rules.name(),
          rules.version(),
          rules.effectiveFrom(),
          rules.reviewedBy(),
          rules.reviewedOn(),
          rules.defaultJurisdiction().id(),
          rules.notice());
    }
  }

  /**
   * One file: what may always be shown (names, hashes) and the two decisions.
   *
   * @param contentHeld whether Tiptrace holds its bytes (none were read to say so)
   * @param image whether its name says it is an image the panel can show
   */
  record FileView(
      String fileId,
      int position,
      Optional<String> fileName,
      Optional<String> originalFileName,
      List<FileHash> hashes,
      boolean contentHeld,
      boolean image,
      DecisionView content,
      DecisionView exif) {
    static FileView of(FileGate gate, boolean contentHeld) {
      var f = gate.file().file();
      return new FileView(
          gate.file().ref().value(),
          gate.file().index() + 1,
          f.fileName(),
          f.originalFileName(),
          f.hashes(),
          contentHeld,
          isImageName(f.fileName()) || isImageName(f.originalFileName()),
          DecisionView.of(gate.content()),
          DecisionView.of(gate.exif()));
    }

    public boolean contentAllowed() {
      return content.verdict().equals("ALLOWED");
    }
  }

  record DecisionView(
      String verdict,
      String basis,
      Optional<Long> warrant,
      String ruleId,
      List<Citation> citations,
      String ruleSet,
      int ruleSetVersion,
      String jurisdiction,
      String mode,
      Optional<String> circuit,
      String location,
      List<Citation> jurisdictionCitations,
      String reason,
      String explanation) {
    static DecisionView of(GateDecision d) {
      return new DecisionView(
          d.verdict().name(),
          d.basis().name(),
          d.warrant().map(WarrantId::value),
          d.ruleId(),
          d.citations(),
          d.ruleSet(),
          d.ruleSetVersion(),
          d.jurisdiction(),
          d.mode().name().toLowerCase(Locale.ROOT),
          d.circuit(),
          d.location(),
          d.jurisdictionCitations(),
          d.reason(),
          d.explanation());
    }
  }

  record WarrantView(
      long id,
      String number,
      String court,
      LocalDate issuedOn,
      List<String> fileIds,
      String recordedBy,
      Instant recordedAt) {
    static WarrantView of(Warrant w) {
      return new WarrantView(
          w.id().value(),
          w.number(),
          w.court(),
          w.issuedOn(),
          w.files().stream().map(f -> f.value()).toList(),
          w.recordedBy(),
          w.recordedAt());
    }
  }

  /** The body of a 403 from the gate: the error and the decision that refused. */
  record Refusal(int status, String error, String path, DecisionView decision) {}

  /** {@code POST /api/v1/tips/{id}/warrants}. */
  record WarrantInput(
      @Nullable String number,
      @Nullable String court,
      @Nullable String issuedOn,
      @Nullable List<String> fileIds) {}

  private static boolean isImageName(Optional<String> name) {
    return name.map(n -> n.toLowerCase(Locale.ROOT))
        .map(
            n ->
                n.endsWith(".jpg")
                    || n.endsWith(".jpeg")
                    || n.endsWith(".png")
                    || n.endsWith(".gif")
                    || n.endsWith(".webp"))
        .orElse(false);
  }
}
