package org.tiptrace.app.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tiptrace.legal.Citation;
import org.tiptrace.legal.GateJurisdiction;
import org.tiptrace.legal.GateRule;
import org.tiptrace.legal.GateRuleSet;
import org.tiptrace.legal.RelaxedBasis;
import org.tiptrace.rules.LineDiff;
import org.tiptrace.rules.RuleKind;
import org.tiptrace.rules.RuleProblem;
import org.tiptrace.rules.StoredRuleSet;
import org.tiptrace.triage.TriageRules;

/** The JSON (and template) shapes of rule-set administration. */
final class RuleViews {
  private RuleViews() {}

  /** The notice every rule page and answer carries. */
  static final String NOTICE =
      "Tiptrace applies the configured rule sets; it does not give legal advice. The viewing"
          + " gate's rules must be reviewed by counsel before a version is activated.";

  /** One version in a list (no bytes). */
  record VersionView(
      String kind,
      int version,
      String fileVersion,
      String sha256,
      String submittedBy,
      Instant submittedAt,
      String note,
      boolean active) {
    static VersionView of(StoredRuleSet s) {
      return new VersionView(
          s.kind().slug(),
          s.version(),
          s.fileVersion(),
          s.sha256().hex(),
          s.submittedBy(),
          s.submittedAt(),
          s.note(),
          s.active());
    }
  }

  /** {@code GET /api/v1/rules}: per kind, the active version and every version. */
  record ListView(String notice, List<KindView> kinds) {}

  record KindView(String kind, int activeVersion, List<VersionView> versions) {}

  /** A gate citation resolved against the file's {@code sources}. */
  record CitationView(String key, String text) {
    static List<CitationView> of(List<Citation> citations) {
      return citations.stream().map(c -> new CitationView(c.key(), c.text())).toList();
    }
  }

  record GateRuleView(
      String id, String appliesTo, String opens, String text, List<CitationView> citations) {
    static GateRuleView of(GateRule r) {
      return new GateRuleView(
          r.id(),
          r.scope().name().toLowerCase(Locale.ROOT),
          r.opens().name().toLowerCase(Locale.ROOT),
          r.text(),
          CitationView.of(r.citations()));
    }
  }

  record JurisdictionView(
      String id,
      String name,
      String mode,
      String relaxedBasis,
      String holding,
      List<CitationView> citations) {
    static JurisdictionView of(GateJurisdiction j) {
      return new JurisdictionView(
          j.id(),
          j.name(),
          j.mode().name(),
          j.relaxedBasis().map(RelaxedBasis::text).orElse(""),
          j.holding(),
          CitationView.of(j.citations()));
    }
  }

  /**
   * The gate file's content as parsed: rules and jurisdictions with their citations, the review.
   */
  record GateView(
      String ruleSet,
      int version,
      LocalDate effectiveFrom,
      Optional<String> reviewedBy,
      Optional<LocalDate> reviewedOn,
      String notice,
      String defaultJurisdiction,
      List<GateRuleView> rules,
      List<JurisdictionView> jurisdictions) {
    static GateView of(GateRuleSet g) {
      return new GateView(
          g.name(),
          g.version(),
          g.effectiveFrom(),
          g.reviewedBy(),
          g.reviewedOn(),
          g.notice(),
          g.defaultJurisdiction().id(),
          g.rules().stream().map(GateRuleView::of).toList(),
          g.jurisdictions().stream().map(JurisdictionView::of).toList());
    }
  }

  /** The triage file's content as parsed: tiers and the number of rules. */
  record TriageView(
      String fileVersion,
      LocalDate effective,
      int tier1,
      int tier2,
      int tier3,
      int rules,
      int floors,
      String recordedAs) {
    static TriageView of(StoredRuleSet s) {
      TriageRules r = ActiveRules.triageOf(s);
      return new TriageView(
          s.fileVersion(),
          r.effective(),
          r.tier1(),
          r.tier2(),
          r.tier3(),
          r.rules().size(),
          r.floors().size(),
          r.version());
    }
  }

  /** {@code GET /api/v1/rules/{kind}/{version}}: the version, its YAML and what it says. */
  record DetailView(
      String notice,
      VersionView version,
      String yaml,
      Optional<TriageView> triage,
      Optional<GateView> gate) {
    static DetailView of(StoredRuleSet s) {
      return new DetailView(
          NOTICE,
          VersionView.of(s),
          s.text(),
          s.kind() == RuleKind.TRIAGE ? Optional.of(TriageView.of(s)) : Optional.empty(),
          s.kind() == RuleKind.VIEWING_GATE
              ? Optional.of(GateView.of(ActiveRules.gateOf(s)))
              : Optional.empty());
    }
  }

  /** {@code GET /api/v1/rules/{kind}/{version}/diff}: unified diff from the active version. */
  record DiffView(String kind, int activeVersion, int version, String unified) {}

  /** A refused submission: 400 with each problem's line and reason. Nothing was stored. */
  record RefusedView(int status, String error, String path, List<ProblemView> problems) {}

  record ProblemView(Optional<Integer> line, String reason, String display) {
    static ProblemView of(RuleProblem p) {
      return new ProblemView(
          p.line().isPresent() ? Optional.of(p.line().getAsInt()) : Optional.empty(),
          p.reason(),
          p.display());
    }
  }

  /** A stored submission: 201 with the new (inactive) version. */
  record StoredView(VersionView version, String summary) {}

  /** An activation: the versions before and now, and the re-scoring job for triage. */
  record ActivatedView(
      VersionView previous, VersionView active, Optional<RuleJobs.View> rescoreJob) {}

  /** Lines of a diff for the page: CSS class and text. */
  record DiffLine(String css, String text) {
    static List<DiffLine> of(String oldText, String newText) {
      List<DiffLine> out = new java.util.ArrayList<>();
      for (LineDiff.Hunk h : LineDiff.diff(oldText, newText)) {
        out.add(new DiffLine("diff-hunk", h.header()));
        for (LineDiff.Line l : h.lines()) {
          out.add(
              new DiffLine(
                  switch (l.op()) {
                    case SAME -> "diff-same";
                    case REMOVED -> "diff-removed";
                    case ADDED -> "diff-added";
                  },
                  l.unified()));
        }
      }
      return out;
    }
  }
}
