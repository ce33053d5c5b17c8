package org.tiptrace.app.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.tiptrace.legal.GateRuleSet;
import org.tiptrace.rules.RuleCheck;
import org.tiptrace.rules.RuleKind;
import org.tiptrace.rules.RuleSetRepository;
import org.tiptrace.rules.StoredRuleSet;
import org.tiptrace.triage.TriageRules;

/**
 * The rule sets the app applies: the active stored version of each kind. Every caller (ingest,
 * re-triage, the queue commands, the viewing gate) asks here per operation; a cheap query of the
 * active version number tells whether another process (the CLI, another server) activated a
 * different one, and only then are the bytes read and parsed again.
 *
 * <p>Triage results record {@code v<N> (<file version>)}: the stored version first. Gate decisions
 * record the file's own {@code version}, which equals the stored version ({@link RuleCheck} refuses
 * any other).
 *
 * <p>Seeding: a kind with no stored version gets the jar's file, active, at construction. A stored
 * version that no longer parses fails loudly, naming it: the app never falls back silently.
 */
public final class ActiveRules {
  private final RuleSetRepository repo;
  private volatile Loaded<TriageRules> triage = new Loaded<>(0, null);
  private volatile Loaded<GateRuleSet> gate = new Loaded<>(0, null);

  private record Loaded<T>(int version, @Nullable T rules) {}

  private ActiveRules(RuleSetRepository repo) {
    this.repo = Objects.requireNonNull(repo, "repo");
  }

  /** The active rules of {@code repo}, seeding each empty kind with the jar's file. */
  public static ActiveRules seeded(RuleSetRepository repo, Clock clock) {
    seed(repo, clock);
    return new ActiveRules(repo);
  }

  /** Stores the jar's files as the first versions of kinds that have none. */
  public static void seed(RuleSetRepository repo, Clock clock) {
    byte[] triageBytes = jarFile(RuleKind.TRIAGE);
    TriageRules t = RuleCheck.triage(triageBytes, RuleKind.TRIAGE.resource());
    repo.seedIfEmpty(
        RuleKind.TRIAGE,
        1,
        t.version(),
        triageBytes,
        clock.instant(),
        "the rule file shipped in the jar (" + RuleKind.TRIAGE.resource() + ")");
    byte[] gateBytes = jarFile(RuleKind.VIEWING_GATE);
    GateRuleSet g = RuleCheck.gate(gateBytes, RuleKind.VIEWING_GATE.resource());
    repo.seedIfEmpty(
        RuleKind.VIEWING_GATE,
        g.version(),
        String.valueOf(g.version()),
        gateBytes,
        clock.instant(),
        "the rule file shipped in the jar (" + RuleKind.VIEWING_GATE.resource() + ")");
  }

  /** The bytes of the file shipped in the jar for {@code kind}. */
  public static byte[] jarFile(RuleKind kind) {
    try (InputStream in = ActiveRules.class.getResourceAsStream(kind.resource())) {
      if (in == null) {
        throw new IllegalStateException(kind.resource() + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + kind.resource(), e);
    }
  }

  /** The active triage rules, labelled with the stored version. */
  public TriageRules triage() {
    int v = activeVersion(RuleKind.TRIAGE);
    Loaded<TriageRules> l = triage;
    if (l.version() != v || l.rules() == null) {
      l = new Loaded<>(v, triageOf(stored(RuleKind.TRIAGE, v)));
      triage = l;
    }
    return l.rules();
  }

  /** The active viewing-gate rules. */
  public GateRuleSet gate() {
    int v = activeVersion(RuleKind.VIEWING_GATE);
    Loaded<GateRuleSet> l = gate;
    if (l.version() != v || l.rules() == null) {
      l = new Loaded<>(v, gateOf(stored(RuleKind.VIEWING_GATE, v)));
      gate = l;
    }
    return l.rules();
  }

  /** The active stored version of {@code kind}. */
  public StoredRuleSet active(RuleKind kind) {
    return repo.active(kind)
        .orElseThrow(() -> new IllegalStateException("no active " + kind.slug() + " rule set"));
  }

  /**
   * A stored triage version as the scorer uses it: its {@code version} replaced by {@code v<N>
   * (<file version>)}, which every triage result records.
   */
  public static TriageRules triageOf(StoredRuleSet s) {
    TriageRules r = RuleCheck.triage(s.bytes(), s.kind().slug() + " v" + s.version());
    return new TriageRules(
        "v" + s.version() + " (" + r.version() + ")",
        r.effective(),
        r.tier1(),
        r.tier2(),
        r.tier3(),
        r.memeSpreadThreshold(),
        r.repeatedDistributionFiles(),
        r.perishableDays(),
        r.rules(),
        r.floors(),
        r.source());
  }

  /** A stored gate version, parsed. */
  public static GateRuleSet gateOf(StoredRuleSet s) {
    return RuleCheck.gate(s.bytes(), s.kind().slug() + " v" + s.version());
  }

  private int activeVersion(RuleKind kind) {
    OptionalInt v = repo.activeVersion(kind);
    if (v.isEmpty()) {
      throw new IllegalStateException(
          "no active " + kind.slug() + " rule set is stored: activate one (tiptrace rules)");
    }
    return v.getAsInt();
  }

  private StoredRuleSet stored(RuleKind kind, int version) {
    return repo.find(kind, version)
        .orElseThrow(
            () -> new IllegalStateException(kind.slug() + " rule set v" + version + " is gone"));
  }
}
