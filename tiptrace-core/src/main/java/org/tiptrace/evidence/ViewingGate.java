package org.tiptrace.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tiptrace.legal.GateBasis;
import org.tiptrace.legal.GateJurisdiction;
import org.tiptrace.legal.GateRule;
import org.tiptrace.legal.GateRuleSet;
import org.tiptrace.legal.GateScope;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;

/**
 * The file-viewing gate: a pure function from one file's reported facts, the tip's recorded
 * warrants and the configured rule set to a {@link GateDecision}.
 *
 * <p>Approach (legal-rules.md §3.2, in this order; the first that holds decides):
 *
 * <ol>
 *   <li>content: {@code fileViewedByEsp = TRUE} → ESP_VIEWED; {@code publiclyAvailable = TRUE} and
 *       the jurisdiction lets public files open → PUBLICLY_AVAILABLE; a warrant of this tip listing
 *       this file's id → WARRANT (the oldest such warrant is named); else BLOCKED.
 *   <li>EXIF: {@code exifViewedByEsp = TRUE} → ESP_VIEWED; a warrant listing the file → WARRANT;
 *       else BLOCKED. Being public does not open EXIF.
 * </ol>
 *
 * Only {@link TriState#TRUE} counts: UNKNOWN is treated as not true, never as true. The inputs are
 * this file's own flags only, so a sibling that was viewed, or another file with the same hash,
 * opens nothing (the Ackerman and Wilson facts); NCMEC's tags are not read at all (NCMEC viewing is
 * not a private search). No role, score or model is an input: nothing but a recorded basis can
 * override a block.
 */
public final class ViewingGate {
  private ViewingGate() {}

  /**
   * The decision for the content (bytes, thumbnails, previews) of file {@code ref} of {@code tip}.
   *
   * @param warrants the tip's recorded warrants; any of another tip or agency are ignored
   * @throws IllegalArgumentException when the tip has no file {@code ref}
   */
  public static GateDecision decide(
      Tip tip, FileRef ref, List<Warrant> warrants, GateRuleSet rules) {
    return decide(tip, require(tip, ref), warrants, rules, GateScope.CONTENT);
  }

  /** The decision for the EXIF and metadata of file {@code ref}; as {@link #decide}. */
  public static GateDecision decideExif(
      Tip tip, FileRef ref, List<Warrant> warrants, GateRuleSet rules) {
    return decide(tip, require(tip, ref), warrants, rules, GateScope.EXIF);
  }

  /** Both decisions for every file of the tip, in report order. */
  public static List<FileGate> gates(Tip tip, List<Warrant> warrants, GateRuleSet rules) {
    List<FileGate> out = new ArrayList<>();
    for (TipFile f : TipFiles.of(tip)) {
      out.add(
          new FileGate(
              f,
              decide(tip, f, warrants, rules, GateScope.CONTENT),
              decide(tip, f, warrants, rules, GateScope.EXIF)));
    }
    return List.copyOf(out);
  }

  private static TipFile require(Tip tip, FileRef ref) {
    return TipFiles.find(tip, ref)
        .orElseThrow(
            () -> new IllegalArgumentException("tip " + tip.id() + " has no file '" + ref + "'"));
  }

  private static GateDecision decide(
      Tip tip, TipFile file, List<Warrant> warrants, GateRuleSet rules, GateScope scope) {
    GateJurisdiction jurisdiction = rules.defaultJurisdiction();
    Optional<Warrant> warrant =
        warrants.stream()
            .filter(w -> w.covers(tip.agency(), tip.id(), file.ref()))
            .min(Comparator.comparing(Warrant::recordedAt).thenComparing(w -> w.id().value()));
    TriState viewed = file.file().fileViewedByEsp();
    TriState exifViewed = file.file().exifViewedByEsp();
    TriState isPublic = file.file().publiclyAvailable();

    GateBasis basis;
    String reason;
    if (scope == GateScope.CONTENT) {
      reason =
          "fileViewedByEsp = "
              + word(viewed)
              + ", publiclyAvailable = "
              + word(isPublic)
              + (isPublic.isTrue() && !jurisdiction.publicOpens()
                  ? " (public files do not open in " + jurisdiction.id() + ")"
                  : "")
              + ", "
              + warrantWords(warrant, file);
      if (viewed.isTrue()) {
        basis = GateBasis.ESP_VIEWED;
      } else if (isPublic.isTrue() && jurisdiction.publicOpens()) {
        basis = GateBasis.PUBLICLY_AVAILABLE;
      } else if (warrant.isPresent()) {
        basis = GateBasis.WARRANT;
      } else {
        basis = GateBasis.NONE;
      }
    } else {
      reason = "exifViewedByEsp = " + word(exifViewed) + ", " + warrantWords(warrant, file);
      if (exifViewed.isTrue()) {
        basis = GateBasis.ESP_VIEWED;
      } else if (warrant.isPresent()) {
        basis = GateBasis.WARRANT;
      } else {
        basis = GateBasis.NONE;
      }
    }
    GateRule rule = rules.rule(scope, basis);
    GateVerdict verdict = basis == GateBasis.NONE ? GateVerdict.BLOCKED : GateVerdict.ALLOWED;
    Optional<WarrantId> warrantId =
        basis == GateBasis.WARRANT ? warrant.map(Warrant::id) : Optional.empty();
    String explanation =
        (scope == GateScope.CONTENT ? "File " : "EXIF of file ")
            + file.ref()
            + ": "
            + verdict
            + " by rule "
            + rule.id()
            + (basis == GateBasis.WARRANT ? " (" + warrant.orElseThrow().label() + ")" : "")
            + ". "
            + rule.text()
            + " Facts: "
            + reason
            + ". Citations: "
            + String.join("; ", rule.citations().stream().map(Object::toString).toList())
            + ". Applies the configured rule set "
            + rules.label()
            + ", jurisdiction "
            + jurisdiction.id()
            + ". "
            + rules.notice();
    return new GateDecision(
        file.ref(),
        scope,
        verdict,
        basis,
        warrantId,
        rule.id(),
        rule.citations(),
        rules.label(),
        rules.version(),
        jurisdiction.id(),
        reason,
        explanation);
  }

  private static String warrantWords(Optional<Warrant> warrant, TipFile file) {
    return warrant
        .map(w -> w.label() + " lists " + file.ref())
        .orElse("no recorded warrant lists " + file.ref());
  }

  /** {@code true}, {@code false} or {@code unknown (not true)}. */
  private static String word(TriState t) {
    return t == TriState.UNKNOWN ? "unknown (not true)" : t.name().toLowerCase(Locale.ROOT);
  }
}
