package org.tiptrace.app.rules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEvent;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.intake.ArchiveStatus;
import org.tiptrace.intake.Problem;
import org.tiptrace.legal.GateRuleSet;
import org.tiptrace.link.LinkStore;
import org.tiptrace.rules.LineDiff;
import org.tiptrace.rules.RuleCheck;
import org.tiptrace.rules.RuleKind;
import org.tiptrace.rules.RuleProblem;
import org.tiptrace.rules.StoredRuleSet;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.TipId;

/**
 * Submitting and activating rule-set versions: the one workflow behind {@code tiptrace rules}, the
 * API and the pages. Every submission (stored or refused) and every activation (done or refused) is
 * one audit entry with the actor the caller names.
 *
 * <ul>
 *   <li><b>Submit</b>: a change note is required; an upload is archived byte-for-byte (raw archive
 *       of the submitter's agency; an empty body has nothing to keep) before it is parsed; {@link
 *       RuleCheck} parses it with the real parser; a refused file stores no version (its archive
 *       entry is quarantined with the problems); an accepted one is stored inactive.
 *   <li><b>Activate</b> (also rolling back to an earlier version): the viewing gate's rules are a
 *       legal rule set, so a version activates only if it records a counsel review ({@code
 *       reviewed_by}, {@code reviewed_on}). Tiptrace does not judge the review and gives no legal
 *       advice. The jar's unreviewed file is active only as the seed, until a reviewed version
 *       replaces it. A triage activation is followed by re-scoring every stored tip ({@link
 *       #rescoreAll}).
 * </ul>
 */
public final class RuleSets {
  /** The longest change note accepted. */
  public static final int MAX_NOTE = 2000;

  /** Tips re-scored per batch (progress is reported between batches). */
  static final int BATCH = 200;

  private final TiptraceBackend backend;
  private final ActiveRules active;
  private final Clock clock;

  public RuleSets(TiptraceBackend backend, ActiveRules active, Clock clock) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.active = Objects.requireNonNull(active, "active");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ActiveRules active() {
    return active;
  }

  /** The outcome of a submission. */
  public sealed interface Submission permits Stored, Refused {}

  /** Stored as a new, inactive version. */
  public record Stored(StoredRuleSet version, String summary) implements Submission {}

  /** Not stored; each problem names its line and reason. */
  public record Refused(List<RuleProblem> problems) implements Submission {
    public Refused {
      problems = List.copyOf(problems);
    }
  }

  /** Why an activation or a read was refused: {@code notFound} for an unknown version. */
  public static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean notFound;

    Refusal(String message, boolean notFound) {
      super(message);
      this.notFound = notFound;
    }

    public boolean notFound() {
      return notFound;
    }
  }

  /** An activation: the version active before and the one active now. */
  public record Activation(StoredRuleSet previous, StoredRuleSet now) {}

  /** Every version of {@code kind}, oldest first. */
  public List<StoredRuleSet> list(RuleKind kind) {
    return backend.ruleSets().list(kind);
  }

  /** A stored version; refused as not found when there is none. */
  public StoredRuleSet find(RuleKind kind, int version) {
    return backend
        .ruleSets()
        .find(kind, version)
        .orElseThrow(() -> new Refusal("no " + kind.slug() + " rule set v" + version, true));
  }

  /** The unified diff from the active version to {@code version}. */
  public String diffAgainstActive(StoredRuleSet version) {
    StoredRuleSet a = active.active(version.kind());
    return LineDiff.unified(a.label() + " (active)", a.text(), version.label(), version.text());
  }

  /**
   * Checks and stores a submitted file.
   *
   * @param fileName the uploaded file's name (for messages and the archive)
   * @param archiveAgency the submitter's agency: the bytes are archived there first; empty for a
   *     local file read by the CLI
   */
  public Submission submit(
      RuleKind kind,
      byte[] bytes,
      String fileName,
      String note,
      String actor,
      Optional<AgencyId> archiveAgency) {
    Sha256 sha = Sha256.of(bytes);
    String name = fileName.isBlank() ? kind.slug() + ".yaml" : fileName;
    if (archiveAgency.isPresent() && bytes.length > 0) {
      backend
          .archive()
          .store(
              archiveAgency.get(),
              sha,
              "rules:" + kind.slug() + ":" + name,
              bytes,
              clock.instant());
    }
    List<RuleProblem> problems = new ArrayList<>();
    String n = note.strip();
    if (n.isEmpty()) {
      problems.add(
          new RuleProblem(OptionalInt.empty(), "note: required, say why the rules change"));
    } else if (n.length() > MAX_NOTE) {
      problems.add(
          new RuleProblem(
              OptionalInt.empty(), "note: " + n.length() + " characters, at most " + MAX_NOTE));
    }
    RuleCheck.Outcome outcome = RuleCheck.check(kind, bytes, name, list(kind));
    if (outcome instanceof RuleCheck.Refused r) {
      problems.addAll(r.problems());
    }
    if (!problems.isEmpty()) {
      archiveAgency
          .filter(a -> bytes.length > 0)
          .ifPresent(
              a ->
                  backend
                      .archive()
                      .recordOutcome(
                          a,
                          sha,
                          ArchiveStatus.QUARANTINED,
                          problems.stream()
                              .map(
                                  p ->
                                      Problem.error(
                                          name, p.line().orElse(0), 0, kind.slug(), p.reason()))
                              .toList()));
      audit(
          actor,
          archiveAgency,
          AuditAction.RULE_SET_REFUSED,
          kind.slug(),
          name
              + " sha256 "
              + sha.hex()
              + ": "
              + problems.stream().map(RuleProblem::display).collect(Collectors.joining("; ")));
      return new Refused(problems);
    }
    RuleCheck.Accepted accepted = (RuleCheck.Accepted) outcome;
    StoredRuleSet stored =
        backend.ruleSets().add(kind, accepted.fileVersion(), bytes, sha, actor, clock.instant(), n);
    archiveAgency.ifPresent(
        a -> backend.archive().recordOutcome(a, sha, ArchiveStatus.ACCEPTED, List.of()));
    audit(
        actor,
        archiveAgency,
        AuditAction.RULE_SET_SUBMITTED,
        kind.slug() + "/v" + stored.version(),
        name + " sha256 " + sha.hex() + ", " + accepted.summary() + "; note: " + n);
    return new Stored(stored, accepted.summary());
  }

  /**
   * Makes {@code version} the active one (also an earlier one: a roll-back).
   *
   * @throws Refusal when there is no such version, it is already active, or it is a gate version
   *     without a recorded counsel review
   */
  public Activation activate(
      RuleKind kind, int version, String note, String actor, Optional<AgencyId> agency) {
    StoredRuleSet target;
    try {
      target = find(kind, version);
    } catch (Refusal e) {
      audit(
          actor,
          agency,
          AuditAction.RULE_SET_ACTIVATED,
          kind.slug() + "/v" + version,
          "refused: " + e.getMessage());
      throw e;
    }
    StoredRuleSet previous = active.active(kind);
    String refusal = null;
    if (previous.version() == version) {
      refusal = target.label() + " is already active";
    } else if (kind == RuleKind.VIEWING_GATE) {
      GateRuleSet gate = ActiveRules.gateOf(target);
      if (gate.reviewedBy().isEmpty()) {
        refusal =
            target.label()
                + " records no counsel review (reviewed_by, reviewed_on): the viewing gate's"
                + " rules are a legal rule set and activate only once counsel has reviewed them."
                + " Tiptrace applies the configured rules and does not give legal advice.";
      }
    }
    if (refusal != null) {
      audit(
          actor,
          agency,
          AuditAction.RULE_SET_ACTIVATED,
          kind.slug() + "/v" + version,
          "refused: " + refusal);
      throw new Refusal(refusal, false);
    }
    if (!backend.ruleSets().activate(kind, version)) {
      throw new Refusal("no " + kind.slug() + " rule set v" + version, true);
    }
    StoredRuleSet now = find(kind, version);
    String why = note.strip();
    audit(
        actor,
        agency,
        AuditAction.RULE_SET_ACTIVATED,
        kind.slug() + "/v" + version,
        "active: "
            + previous.label()
            + " -> "
            + now.label()
            + (version < previous.version() ? " (roll-back)" : "")
            + (why.isEmpty() ? "" : "; note: " + why));
    return new Activation(previous, now);
  }

  /**
   * Re-scores every linked tip of every agency with the active triage rules, in batches.
   *
   * @param progress called with (done, total) after each batch
   * @return how many tips were re-scored
   */
  public int rescoreAll(LinkTriageService linkTriage, BiConsumer<Integer, Integer> progress) {
    List<TipId> ids =
        backend.linkStore().linkedTips().stream().map(LinkStore.LinkedTip::tip).toList();
    int total = ids.size();
    progress.accept(0, total);
    int rescored = 0;
    for (int from = 0; from < total; from += BATCH) {
      List<TipId> batch = ids.subList(from, Math.min(total, from + BATCH));
      rescored += linkTriage.rescore(batch);
      progress.accept(Math.min(total, from + BATCH), total);
    }
    return rescored;
  }

  /** The audit entry of an action on a rule set, for the caller's actor. */
  void audit(
      String actor,
      Optional<AgencyId> agency,
      AuditAction action,
      String subjectId,
      String detail) {
    backend
        .auditLog()
        .append(
            new AuditEvent(actor, agency, action, AuditSubjectType.RULE_SET, subjectId, detail));
  }
}
