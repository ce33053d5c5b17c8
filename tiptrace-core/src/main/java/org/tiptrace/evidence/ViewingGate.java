package org.tiptrace.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.legal.CircuitTable;
import org.tiptrace.legal.GateBasis;
import org.tiptrace.legal.GateJurisdiction;
import org.tiptrace.legal.GateRule;
import org.tiptrace.legal.GateRuleSet;
import org.tiptrace.legal.GateScope;
import org.tiptrace.legal.RelaxedBasis;
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
 *       this file's id → WARRANT (the oldest such warrant is named); where counsel relaxed the
 *       tip's circuit, a known-abuse hash match of this file by a method the entry lists →
 *       KNOWN_ABUSE_HASH_MATCH; else BLOCKED.
 *   <li>EXIF: {@code exifViewedByEsp = TRUE} → ESP_VIEWED; a warrant listing the file → WARRANT;
 *       else BLOCKED. Being public does not open EXIF.
 * </ol>
 *
 * The tip's circuit comes from {@link GateFacts} (its stored routing decision); an unknown circuit,
 * or one without an entry, gets the rule set's strict default. Only {@link TriState#TRUE} counts:
 * UNKNOWN is treated as not true, never as true. The inputs are this file's own flags only, so a
 * sibling that was viewed, or another file with the same hash, opens nothing (the Ackerman and
 * Wilson facts); NCMEC's tags are not read at all (NCMEC viewing is not a private search). No role,
 * score or model is an input: nothing but a recorded basis can override a block.
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
    return decide(tip, ref, warrants, GateFacts.unknown(), rules);
  }

  /**
   * The decision for the content of file {@code ref}, in the jurisdiction {@code facts} place the
   * tip in.
   */
  public static GateDecision decide(
      Tip tip, FileRef ref, List<Warrant> warrants, GateFacts facts, GateRuleSet rules) {
    return decide(tip, require(tip, ref), warrants, facts, rules, GateScope.CONTENT);
  }

  /** The decision for the EXIF and metadata of file {@code ref}; as {@link #decide}. */
  public static GateDecision decideExif(
      Tip tip, FileRef ref, List<Warrant> warrants, GateRuleSet rules) {
    return decideExif(tip, ref, warrants, GateFacts.unknown(), rules);
  }

  /** The decision for the EXIF of file {@code ref}; a hash match never opens EXIF. */
  public static GateDecision decideExif(
      Tip tip, FileRef ref, List<Warrant> warrants, GateFacts facts, GateRuleSet rules) {
    return decide(tip, require(tip, ref), warrants, facts, rules, GateScope.EXIF);
  }

  /** Both decisions for every file of the tip, in report order (jurisdiction unknown). */
  public static List<FileGate> gates(Tip tip, List<Warrant> warrants, GateRuleSet rules) {
    return gates(tip, warrants, GateFacts.unknown(), rules);
  }

  /** Both decisions for every file of the tip, in report order. */
  public static List<FileGate> gates(
      Tip tip, List<Warrant> warrants, GateFacts facts, GateRuleSet rules) {
    List<FileGate> out = new ArrayList<>();
    for (TipFile f : TipFiles.of(tip)) {
      out.add(
          new FileGate(
              f,
              decide(tip, f, warrants, facts, rules, GateScope.CONTENT),
              decide(tip, f, warrants, facts, rules, GateScope.EXIF)));
    }
    return List.copyOf(out);
  }

  private static TipFile require(Tip tip, FileRef ref) {
    return TipFiles.find(tip, ref)
        .orElseThrow(
            () -> new IllegalArgumentException("tip " + tip.id() + " has no file '" + ref + "'"));
  }

  private static GateDecision decide(
      Tip tip,
      TipFile file,
      List<Warrant> warrants,
      GateFacts facts,
      GateRuleSet rules,
      GateScope scope) {
    TipJurisdiction place = facts.jurisdiction();
    Optional<String> circuit = place.circuit().map(CircuitTable.Circuit::id);
    GateJurisdiction jurisdiction = rules.jurisdictionFor(circuit);
    Optional<RelaxedBasis> relaxed = jurisdiction.relaxedBasisInForce();
    List<HashMatch> accepted =
        relaxed
            .map(
                b ->
                    facts.knownAbuse(file.index()).stream()
                        .filter(m -> b.methods().contains(m.method()))
                        .toList())
            .orElse(List.of());
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
              + warrantWords(warrant, file)
              + hashWords(relaxed, accepted, facts.knownAbuse(file.index()), jurisdiction);
      if (viewed.isTrue()) {
        basis = GateBasis.ESP_VIEWED;
      } else if (isPublic.isTrue() && jurisdiction.publicOpens()) {
        basis = GateBasis.PUBLICLY_AVAILABLE;
      } else if (warrant.isPresent()) {
        basis = GateBasis.WARRANT;
      } else if (!accepted.isEmpty()) {
        basis = GateBasis.KNOWN_ABUSE_HASH_MATCH;
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
            + " ("
            + jurisdiction.mode().name().toLowerCase(Locale.ROOT)
            + (basis == GateBasis.KNOWN_ABUSE_HASH_MATCH
                ? ", relaxed by counsel: " + relaxed.orElseThrow().text()
                : "")
            + "; "
            + String.join("; ", jurisdiction.citations().stream().map(Object::toString).toList())
            + "); tip placed: "
            + place.describe()
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
        jurisdiction.mode(),
        jurisdiction.citations(),
        circuit,
        place.describe(),
        reason,
        explanation);
  }

  private static String warrantWords(Optional<Warrant> warrant, TipFile file) {
    return warrant
        .map(w -> w.label() + " lists " + file.ref())
        .orElse("no recorded warrant lists " + file.ref());
  }

  /**
   * The hash facts in words: only where a relaxed entry is in force (a strict one does not read
   * them, and saying "matched" there would suggest it mattered).
   */
  private static String hashWords(
      Optional<RelaxedBasis> relaxed,
      List<HashMatch> accepted,
      List<HashMatch> all,
      GateJurisdiction jurisdiction) {
    if (relaxed.isEmpty()) {
      return "";
    }
    if (!accepted.isEmpty()) {
      HashMatch m = accepted.getFirst();
      return ", known-abuse hash match "
          + m.method().name().toLowerCase(Locale.ROOT)
          + " in set "
          + m.setName()
          + " "
          + m.setVersion()
          + (accepted.size() > 1 ? " (+" + (accepted.size() - 1) + " more)" : "");
    }
    return all.isEmpty()
        ? ", no known-abuse hash match on record"
        : ", known-abuse hash matches only by methods "
            + jurisdiction.id()
            + " does not accept ("
            + all.stream()
                .map(m -> m.method().name().toLowerCase(Locale.ROOT))
                .distinct()
                .sorted()
                .toList()
            + ")";
  }

  /** {@code true}, {@code false} or {@code unknown (not true)}. */
  private static String word(TriState t) {
    return t == TriState.UNKNOWN ? "unknown (not true)" : t.name().toLowerCase(Locale.ROOT);
  }
}
