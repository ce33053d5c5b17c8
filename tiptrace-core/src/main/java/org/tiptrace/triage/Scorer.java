package org.tiptrace.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tiptrace.link.LinkSignals;
import org.tiptrace.tip.BatchedReportReason;
import org.tiptrace.tip.FileAnnotation;
import org.tiptrace.tip.IncidentType;
import org.tiptrace.tip.IndustryClassification;
import org.tiptrace.tip.Person;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportAnnotation;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;

/**
 * The triage score: a pure function of (tip, signals, rules).
 *
 * <h2>Map</h2>
 *
 * <ol>
 *   <li><b>Factors</b>: each rule of the rule file ({@link Factor}) either fires once, per unit up
 *       to a cap, or deducts; each firing adds one {@link ScoreLine} with integer points and the
 *       facts that fired it. The score is the sum of the lines, by construction and re-checked by
 *       {@link TriageResult}.
 *   <li><b>Floors</b>: a fired rule may carry a minimum score (escalation, sextortion, a child
 *       recipient). A raise is a line of its own, so the lines still sum to the score. A score
 *       below zero (the one deduction) is raised to zero the same way.
 *   <li><b>Tier</b> from the thresholds of the rule file.
 *   <li><b>Informational gate</b> [1][2]: a tip whose every file is a meme (batched {@code
 *       VIRAL_POTENTIAL_MEME}, {@code potentialMeme}/{@code viral} flags, or reported by at least
 *       {@code memeSpreadThreshold} distinct subjects) becomes INFORMATIONAL unless any indicator
 *       of risk is present: possible new material, production signals, enticement or other contact
 *       incident types, sextortion and the other report annotations, escalation, a recipient who is
 *       or may be a child, a named victim, repeated distribution, prior tips. The score and lines
 *       are kept; the reasons are listed. An offender is never buried under the meme pile: any
 *       doubt keeps the tip in its tier.
 * </ol>
 *
 * <p>Unknown is never "no": a file not checked by hash matching scores {@code hash.notChecked},
 * which is neither zero nor the points of {@code hash.knownMatch} ({@link
 * TriageRules#hashVerdictProblems} refuses a rule set that weighs them the same); an IP not checked
 * scores nothing and is noted. Each of the four hash verdicts (known match, possible new material,
 * known-good only, not checked) has its own line or note naming its files. Generative-AI flags only
 * add (validated: {@code file.generativeAi} points are at least 0) and are not a meme indicator.
 *
 * <p>References: [1] shared/reference/peers.md §3 target 6 and §4 (a Meta sample: about 75 % of
 * meme sharers acted without malicious intent); [2] shared/reference/cybertip-esp-xml.md §5 ({@code
 * batchedReportReason}, {@code fileAnnotations}).
 */
final class Scorer {
  private static final Pattern STATED_AGE =
      Pattern.compile("(?i)\\bage[d]?\\s*(?:of\\s*)?(\\d{1,2})\\b");

  private Scorer() {}

  static TriageResult score(Tip tip, TipSignals signals, TriageRules rules) {
    signals.requireMatches(tip);
    Report r = tip.report();
    Lines lines = new Lines(rules);
    List<String> notes = new ArrayList<>();
    List<String> reasons = new ArrayList<>();

    r.incidentSummary()
        .incidentType()
        .ifPresent(t -> lines.once(incidentFactor(t), "incident type '" + t.wire() + "'"));
    r.incidentSummary()
        .escalateToHighPriority()
        .ifPresent(text -> lines.once(Factor.ESCALATE, "ESP escalated: " + text));
    Set<ReportAnnotation> ann = r.incidentSummary().annotations();
    annotation(lines, ann, ReportAnnotation.SEXTORTION, Factor.SEXTORTION);
    annotation(lines, ann, ReportAnnotation.CSAM_SOLICITATION, Factor.CSAM_SOLICITATION);
    annotation(lines, ann, ReportAnnotation.MINOR_TO_MINOR_INTERACTION, Factor.MINOR_TO_MINOR);
    annotation(lines, ann, ReportAnnotation.SADISTIC_ONLINE_EXPLOITATION, Factor.SADISTIC);

    List<ReportedFile> files = r.files();
    classification(lines, files);
    fileFlag(lines, files, FileAnnotation.INFANT, Factor.FILE_INFANT);
    fileFlag(lines, files, FileAnnotation.PHYSICAL_HARM, Factor.FILE_PHYSICAL_HARM);
    fileFlag(lines, files, FileAnnotation.VIOLENCE_GORE, Factor.FILE_VIOLENCE_GORE);
    fileFlag(lines, files, FileAnnotation.LIVE_STREAMING, Factor.FILE_LIVE_STREAMING);
    fileFlag(lines, files, FileAnnotation.POSSIBLE_SELF_PRODUCTION, Factor.FILE_SELF_PRODUCTION);
    fileFlag(lines, files, FileAnnotation.BESTIALITY, Factor.FILE_BESTIALITY);
    fileFlag(lines, files, FileAnnotation.GENERATIVE_AI, Factor.FILE_GENERATIVE_AI);

    List<HashVerdict> verdicts = signals.files();
    int newMaterial = count(verdicts, HashVerdict.UNMATCHED_POSSIBLE_NEW);
    int known = count(verdicts, HashVerdict.MATCHED_KNOWN);
    int notChecked = count(verdicts, HashVerdict.NOT_CHECKED);
    int knownGood = count(verdicts, HashVerdict.MATCHED_KNOWN_GOOD);
    // Four verdicts, four different lines: a file never checked is neither a known match nor
    // "no match", and the explanation names the files of each verdict.
    lines.perUnit(
        Factor.HASH_NEW,
        newMaterial,
        plural(newMaterial, "file")
            + " ("
            + verdictFiles(verdicts, HashVerdict.UNMATCHED_POSSIBLE_NEW)
            + ") checked and unmatched in every hash set: possible new material");
    if (known > 0) {
      lines.once(
          Factor.HASH_KNOWN,
          plural(known, "file")
              + " ("
              + verdictFiles(verdicts, HashVerdict.MATCHED_KNOWN)
              + ") matched a known-abuse hash set: known material");
    }
    if (notChecked > 0) {
      lines.once(
          Factor.HASH_NOT_CHECKED,
          plural(notChecked, "file")
              + " ("
              + verdictFiles(verdicts, HashVerdict.NOT_CHECKED)
              + ") not checked against any hash set: unknown, neither a known match nor \"no"
              + " match\"");
      notes.add(plural(notChecked, "file") + " not checked against hash sets");
    }
    if (!files.isEmpty() && knownGood == files.size()) {
      lines.once(
          Factor.HASH_ALL_KNOWN_GOOD,
          "every file matched only known-good hash sets (allow-list or meme bank)");
    } else if (knownGood > 0) {
      notes.add(
          plural(knownGood, "file")
              + " ("
              + verdictFiles(verdicts, HashVerdict.MATCHED_KNOWN_GOOD)
              + ") matched only known-good hash sets; deducted only when every file does");
    }
    lines.perUnit(Factor.FILE_COUNT, files.size(), plural(files.size(), "file") + " in the report");

    List<ReportedUser> recipients = r.intendedRecipients();
    lines.perUnit(
        Factor.RECIPIENTS, recipients.size(), plural(recipients.size(), "intended recipient"));
    int minors = 0;
    int unknownAge = 0;
    for (ReportedUser u : recipients) {
      switch (minorRecipient(u, r)) {
        case TRUE -> minors++;
        case UNKNOWN -> unknownAge++;
        case FALSE -> {}
      }
    }
    if (minors > 0) {
      lines.once(
          Factor.MINOR_RECIPIENT,
          plural(minors, "intended recipient") + " a child (stated age or incident type)");
    }
    if (unknownAge > 0) {
      notes.add(plural(unknownAge, "intended recipient") + " of unknown age");
    }
    int publicFiles = 0;
    for (ReportedFile f : files) {
      if (f.publiclyAvailable() == TriState.TRUE) {
        publicFiles++;
      }
    }
    if (publicFiles > 0) {
      lines.once(Factor.PUBLICLY_AVAILABLE, plural(publicFiles, "file") + " publicly available");
    }
    lines.perUnit(
        Factor.VICTIMS,
        r.victims().size(),
        plural(r.victims().size(), "victim") + " identified in the report");

    LinkSignals link = signals.link();
    int prior = link.priorTips() + link.priorCtReports();
    lines.perUnit(
        Factor.PRIOR_TIPS,
        prior,
        plural(link.priorTips(), "earlier linked tip")
            + ", "
            + plural(link.priorCtReports(), "prior CyberTip")
            + " listed by the ESP");
    lines.perUnit(
        Factor.LINKED_SUBJECTS,
        link.linkedSubjects(),
        plural(link.linkedSubjects(), "associated subject"));
    if (link.paymentIdentifiers() > 0) {
      lines.once(Factor.PAYMENT, plural(link.paymentIdentifiers(), "payment identifier"));
    }

    Optional<Instant> deadline = Optional.empty();
    int attributable = 0;
    int ipNotChecked = 0;
    for (IpSignal ip : signals.ips()) {
      if (ip.status() == AttributionStatus.ATTRIBUTABLE) {
        attributable++;
      }
      if (ip.status() == AttributionStatus.NOT_CHECKED) {
        ipNotChecked++;
      }
      if (ip.deadline().isPresent()
          && (deadline.isEmpty() || ip.deadline().get().isBefore(deadline.get()))) {
        deadline = ip.deadline();
      }
    }
    if (attributable > 0) {
      lines.once(
          Factor.IP_ATTRIBUTABLE,
          plural(attributable, "IP event") + " attributable to a subscriber");
    }
    if (deadline.isPresent()) {
      Duration left = Duration.between(tip.receivedAt(), deadline.get());
      if (left.compareTo(Duration.ofDays(rules.perishableDays())) <= 0) {
        lines.once(
            Factor.IP_PERISHABLE,
            "attribution deadline "
                + deadline.get()
                + " is "
                + Math.max(0, left.toDays())
                + " days after receipt");
      }
    }
    if (ipNotChecked > 0) {
      notes.add(plural(ipNotChecked, "IP event") + " not checked for attribution");
    }
    switch (signals.inJurisdiction()) {
      case TRUE -> lines.once(Factor.IN_JURISDICTION, "in the agency's jurisdiction");
      case UNKNOWN -> notes.add("jurisdiction not determined");
      case FALSE -> notes.add("outside the agency's jurisdiction");
    }

    // Floors, then the zero floor: each raise is a line, so the lines keep summing to the score.
    TriageRules.Floor floor = null;
    for (TriageRules.Floor f : rules.floors()) {
      if (lines.fired(f.when()) && (floor == null || f.minScore() > floor.minScore())) {
        floor = f;
      }
    }
    if (floor != null && lines.total() < floor.minScore()) {
      int raise = floor.minScore() - lines.total();
      lines.raw(
          floor.name(),
          raise,
          "raised to "
              + floor.minScore()
              + " because "
              + floor.when()
              + " fired: "
              + floor.rationale());
      reasons.add("floor " + floor.name() + " applied");
    }
    if (lines.total() < 0) {
      lines.raw("score.minimum", -lines.total(), "a score is never below 0");
    }
    int score = lines.total();
    Tier tier =
        score >= rules.tier1()
            ? Tier.TIER_1
            : score >= rules.tier2()
                ? Tier.TIER_2
                : score >= rules.tier3() ? Tier.TIER_3 : Tier.TIER_4;

    // Informational gate.
    List<String> meme = memeIndicators(r, link, rules);
    if (!meme.isEmpty()) {
      List<String> risks = riskIndicators(r, verdicts, link, rules, minors, unknownAge);
      if (risks.isEmpty()) {
        reasons.add("informational: " + String.join("; ", meme) + "; no other indicator of risk");
        tier = Tier.INFORMATIONAL;
      } else {
        reasons.add(
            "meme indicators ("
                + String.join("; ", meme)
                + ") overridden by: "
                + String.join("; ", risks));
      }
    }
    return new TriageResult(
        tip.id(),
        tip.agency(),
        score,
        tier,
        lines.lines,
        reasons,
        notes,
        deadline,
        rules.version());
  }

  /** Why the tip looks like a meme share; empty when not every file is a meme. */
  private static List<String> memeIndicators(Report r, LinkSignals link, TriageRules rules) {
    List<String> out = new ArrayList<>();
    boolean batched =
        r.batchedReport().filter(b -> b == BatchedReportReason.VIRAL_POTENTIAL_MEME).isPresent();
    if (batched) {
      out.add("batched as VIRAL_POTENTIAL_MEME");
    }
    List<ReportedFile> files = r.files();
    if (files.isEmpty()) {
      return out;
    }
    for (int i = 0; i < files.size(); i++) {
      ReportedFile f = files.get(i);
      List<String> why = new ArrayList<>();
      if (f.annotations().contains(FileAnnotation.POTENTIAL_MEME)) {
        why.add("potentialMeme");
      }
      if (f.annotations().contains(FileAnnotation.VIRAL)) {
        why.add("viral");
      }
      int spread = link.fileSpread().get(i);
      if (spread >= rules.memeSpreadThreshold()) {
        why.add(
            "reported for "
                + spread
                + (spread >= org.tiptrace.link.Linker.SPREAD_LIMIT ? "+" : "")
                + " distinct subjects");
      }
      if (why.isEmpty() && !batched) {
        return List.of();
      }
      if (!why.isEmpty()) {
        out.add("file " + (i + 1) + " " + String.join(", ", why));
      }
    }
    return out;
  }

  private static List<String> riskIndicators(
      Report r,
      List<HashVerdict> verdicts,
      LinkSignals link,
      TriageRules rules,
      int minors,
      int unknownAge) {
    List<String> out = new ArrayList<>();
    if (verdicts.contains(HashVerdict.UNMATCHED_POSSIBLE_NEW)) {
      out.add("possible new material");
    }
    for (ReportedFile f : r.files()) {
      if (f.annotations().contains(FileAnnotation.POSSIBLE_SELF_PRODUCTION)
          || f.annotations().contains(FileAnnotation.LIVE_STREAMING)) {
        out.add("production signal (possibleSelfProduction or liveStreaming)");
        break;
      }
    }
    r.incidentSummary()
        .incidentType()
        .filter(t -> t != IncidentType.CHILD_PORNOGRAPHY)
        .ifPresent(t -> out.add("incident type '" + t.wire() + "'"));
    for (ReportAnnotation a : r.incidentSummary().annotations()) {
      if (a != ReportAnnotation.SPAM && a != ReportAnnotation.INFORMATIONAL) {
        out.add("report annotation " + a.wire());
      }
    }
    if (r.incidentSummary().escalateToHighPriority().isPresent()) {
      out.add("escalated to high priority by the ESP");
    }
    if (minors > 0) {
      out.add("sent to " + plural(minors, "intended recipient") + " who is a child");
    }
    if (unknownAge > 0) {
      out.add("sent to " + plural(unknownAge, "intended recipient") + " of unknown age");
    }
    if (!r.victims().isEmpty()) {
      out.add(plural(r.victims().size(), "victim") + " identified");
    }
    if (r.files().size() >= rules.repeatedDistributionFiles()) {
      out.add("repeated distribution (" + r.files().size() + " files)");
    }
    if (link.priorTips() + link.priorCtReports() > 0) {
      out.add(
          "prior tips ("
              + link.priorTips()
              + " linked, "
              + link.priorCtReports()
              + " listed by the ESP)");
    }
    return out;
  }

  /** TRUE when a recipient is a child, FALSE when an adult, UNKNOWN when the report cannot say. */
  static TriState minorRecipient(ReportedUser u, Report r) {
    OptionalInt age = u.person().map(Person::age).orElse(OptionalInt.empty());
    if (age.isEmpty()) {
      for (String line : u.additionalInfo()) {
        Matcher m = STATED_AGE.matcher(line);
        if (m.find()) {
          age = OptionalInt.of(Integer.parseInt(m.group(1)));
          break;
        }
      }
    }
    if (age.isPresent()) {
      return TriState.of(age.getAsInt() < 18);
    }
    Optional<IncidentType> type = r.incidentSummary().incidentType();
    if (type.filter(
                t ->
                    t == IncidentType.ONLINE_ENTICEMENT
                        || t == IncidentType.UNSOLICITED_OBSCENE_MATERIAL_TO_CHILD)
            .isPresent()
        || r.incidentSummary()
            .annotations()
            .contains(ReportAnnotation.MINOR_TO_MINOR_INTERACTION)) {
      return TriState.TRUE;
    }
    return TriState.UNKNOWN;
  }

  private static Factor incidentFactor(IncidentType t) {
    return switch (t) {
      case CHILD_PORNOGRAPHY -> Factor.INCIDENT_CHILD_PORNOGRAPHY;
      case CHILD_SEX_TRAFFICKING -> Factor.INCIDENT_CHILD_SEX_TRAFFICKING;
      case CHILD_SEX_TOURISM -> Factor.INCIDENT_CHILD_SEX_TOURISM;
      case CHILD_SEXUAL_MOLESTATION -> Factor.INCIDENT_CHILD_SEXUAL_MOLESTATION;
      case MISLEADING_DOMAIN_NAME, MISLEADING_WORDS_OR_IMAGES -> Factor.INCIDENT_MISLEADING;
      case ONLINE_ENTICEMENT -> Factor.INCIDENT_ONLINE_ENTICEMENT;
      case UNSOLICITED_OBSCENE_MATERIAL_TO_CHILD -> Factor.INCIDENT_UNSOLICITED_TO_CHILD;
    };
  }

  private static void annotation(
      Lines lines, Set<ReportAnnotation> ann, ReportAnnotation a, Factor f) {
    if (ann.contains(a)) {
      lines.once(f, "report annotation " + a.wire());
    }
  }

  private static void classification(Lines lines, List<ReportedFile> files) {
    Set<IndustryClassification> seen = EnumSet.noneOf(IndustryClassification.class);
    for (ReportedFile f : files) {
      f.industryClassification().ifPresent(seen::add);
    }
    if (seen.isEmpty()) {
      return;
    }
    IndustryClassification worst = seen.iterator().next(); // declaration order: A1 most severe
    Factor f =
        switch (worst) {
          case A1 -> Factor.CLASS_A1;
          case A2 -> Factor.CLASS_A2;
          case B1 -> Factor.CLASS_B1;
          case B2 -> Factor.CLASS_B2;
        };
    lines.once(
        f,
        "most severe industry classification "
            + worst.wire()
            + " "
            + fileList(files, x -> x.industryClassification().filter(c -> c == worst).isPresent()));
  }

  private static void fileFlag(Lines lines, List<ReportedFile> files, FileAnnotation a, Factor f) {
    String list = fileList(files, x -> x.annotations().contains(a));
    if (!list.isEmpty()) {
      lines.once(f, list + " flagged " + a.wire());
    }
  }

  private static String fileList(
      List<ReportedFile> files, java.util.function.Predicate<ReportedFile> p) {
    List<String> idx = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      if (p.test(files.get(i))) {
        idx.add(Integer.toString(i + 1));
      }
    }
    if (idx.isEmpty()) {
      return "";
    }
    return (idx.size() == 1 ? "file " : "files ") + String.join(", ", idx);
  }

  /** "file 2" or "files 1, 3": the 1-based positions of the files with verdict {@code x}. */
  private static String verdictFiles(List<HashVerdict> v, HashVerdict x) {
    List<String> idx = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (v.get(i) == x) {
        idx.add(Integer.toString(i + 1));
      }
    }
    return (idx.size() == 1 ? "file " : "files ") + String.join(", ", idx);
  }

  private static int count(List<HashVerdict> v, HashVerdict x) {
    int n = 0;
    for (HashVerdict h : v) {
      if (h == x) {
        n++;
      }
    }
    return n;
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** The explanation being built; its total is the score. */
  private static final class Lines {
    private final TriageRules rules;
    private final List<ScoreLine> lines = new ArrayList<>();
    private final Set<Factor> fired = EnumSet.noneOf(Factor.class);
    private int total;

    Lines(TriageRules rules) {
      this.rules = rules;
    }

    void once(Factor f, String detail) {
      TriageRules.Rule rule = rules.rule(f);
      fired.add(f);
      raw(rule.name(), rule.points(), detail);
    }

    void perUnit(Factor f, int units, String detail) {
      if (units <= 0) {
        return;
      }
      TriageRules.Rule rule = rules.rule(f);
      int points =
          (int) Math.min((long) units * rule.points(), rule.cap().orElse(Integer.MAX_VALUE));
      fired.add(f);
      String capped = (long) units * rule.points() > points ? " (capped at " + points + ")" : "";
      raw(rule.name(), points, detail + ", " + rule.points() + " each" + capped);
    }

    void raw(String rule, int points, String detail) {
      lines.add(new ScoreLine(rule, points, detail));
      total += points;
    }

    boolean fired(String ruleName) {
      return Factor.byName(ruleName).map(fired::contains).orElse(false);
    }

    int total() {
      return total;
    }
  }
}
