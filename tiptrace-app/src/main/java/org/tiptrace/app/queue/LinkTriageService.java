package org.tiptrace.app.queue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.link.Association;
import org.tiptrace.link.Hold;
import org.tiptrace.link.Identifier;
import org.tiptrace.link.LinkStore;
import org.tiptrace.link.Linker;
import org.tiptrace.link.ManualDecision;
import org.tiptrace.link.PersonIdentifiers;
import org.tiptrace.link.PersonRef;
import org.tiptrace.link.StoredSubject;
import org.tiptrace.link.Strength;
import org.tiptrace.link.Subject;
import org.tiptrace.link.SubjectId;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipRepository;
import org.tiptrace.triage.HashVerdictSource;
import org.tiptrace.triage.StoredTriage;
import org.tiptrace.triage.TipSignals;
import org.tiptrace.triage.Triage;
import org.tiptrace.triage.TriageResult;
import org.tiptrace.triage.TriageRules;
import org.tiptrace.triage.TriageStore;

/**
 * Linking and triage on the stored state, incremental.
 *
 * <h2>Map</h2>
 *
 * <ol>
 *   <li><b>State</b>: one {@link Linker} per process, rebuilt once from the stored tips, decisions
 *       and holds ({@link LinkStore}) on first use, then kept current tip by tip. Linking is global
 *       across agencies; every read an agency makes is scoped by {@code SubjectView.of}.
 *   <li><b>A new tip</b>: the subjects its strong identifiers touch are noted, the tip is linked,
 *       its persons stored, and the subjects it now belongs to (plus those merged away and those it
 *       is associated with) are re-stored.
 *   <li><b>Re-scoring</b> ({@link #rescore}): the tip, the tips of its subjects and of the subjects
 *       associated with them (their prior-tip and linked-subject counts changed), and, when one of
 *       its files just reached {@code memeSpreadThreshold} distinct subjects, every tip with that
 *       file (they may become informational). Each group is capped at {@link #RESCORE_LIMIT} tips,
 *       the most recent first. Signals: hash verdicts from {@link HashVerdictSource}, IP
 *       attribution from the stored assessments ("not checked" when none), linking from the linker.
 *   <li><b>Manual decisions and holds</b> are stored first, then applied, then the changed subjects
 *       stored and their tips re-scored.
 * </ol>
 *
 * <p>Not yet incremental across processes: each process (a CLI run, the server) rebuilds the linker
 * once from the stored tips, which costs a read of every linked tip.
 *
 * <p>Thread-safe by one lock: linking has one writer.
 */
public final class LinkTriageService {
  /** At most this many tips re-scored per group (a subject's tips, a viral file's tips). */
  public static final int RESCORE_LIMIT = 200;

  /** At most this many associated subjects re-stored when a tip links. */
  private static final int ASSOCIATED_LIMIT = 50;

  private final TipRepository tips;
  private final LinkStore links;
  private final TriageStore triage;
  private final AssessmentRepository ipAssessments;
  private final HashVerdictSource hashes;
  private final Supplier<TriageRules> rules;
  private final Clock clock;
  private Linker linker;

  public LinkTriageService(
      TipRepository tips,
      LinkStore links,
      TriageStore triage,
      AssessmentRepository ipAssessments,
      HashVerdictSource hashes,
      Supplier<TriageRules> rules,
      Clock clock) {
    this.tips = Objects.requireNonNull(tips, "tips");
    this.links = Objects.requireNonNull(links, "links");
    this.triage = Objects.requireNonNull(triage, "triage");
    this.ipAssessments = Objects.requireNonNull(ipAssessments, "ipAssessments");
    this.hashes = Objects.requireNonNull(hashes, "hashes");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The service on stored state with fixed rules (tests, benchmarks, candidate replays). */
  public static LinkTriageService of(
      org.tiptrace.app.system.TiptraceBackend backend, TriageRules rules, Clock clock) {
    Objects.requireNonNull(rules, "rules");
    return of(backend, () -> rules, clock);
  }

  /**
   * The service on stored state: the hash verdicts the hash step stored for each tip, and the rules
   * {@code rules} gives at each operation (the active stored version, {@code ActiveRules::triage}).
   */
  public static LinkTriageService of(
      org.tiptrace.app.system.TiptraceBackend backend, Supplier<TriageRules> rules, Clock clock) {
    return of(backend, new StoredHashVerdicts(backend.hashSets()), rules, clock);
  }

  public static LinkTriageService of(
      org.tiptrace.app.system.TiptraceBackend backend,
      HashVerdictSource hashes,
      TriageRules rules,
      Clock clock) {
    Objects.requireNonNull(rules, "rules");
    return of(backend, hashes, () -> rules, clock);
  }

  public static LinkTriageService of(
      org.tiptrace.app.system.TiptraceBackend backend,
      HashVerdictSource hashes,
      Supplier<TriageRules> rules,
      Clock clock) {
    return new LinkTriageService(
        backend.tips(),
        backend.linkStore(),
        backend.triageStore(),
        backend.ipAssessments(),
        hashes,
        rules,
        clock);
  }

  /** The rules an operation starting now would apply. */
  public TriageRules rules() {
    return rules.get();
  }

  /** The linker of this process, rebuilt from the store on first use. */
  private Linker linker() {
    if (linker == null) {
      List<Tip> stored = new ArrayList<>();
      for (LinkStore.LinkedTip t : links.linkedTips()) {
        tips.find(t.agency(), t.tip()).ifPresent(stored::add);
      }
      linker = Linker.rebuild(stored, links.decisions(), links.holds());
    }
    return linker;
  }

  /** A tip was created or a file attached: link it if new, then re-score what changed. */
  public synchronized void tipChanged(AgencyId agency, TipId id) {
    Optional<Tip> found = tips.find(agency, id);
    if (found.isEmpty()) {
      return;
    }
    Tip tip = found.get();
    TriageRules r = rules.get();
    Linker l = linker();
    Set<TipId> rescore = new TreeSet<>(Comparator.comparingLong(TipId::value));
    if (!l.isLinked(id)) {
      List<PersonIdentifiers> persons = Linker.identifiers(tip);
      Set<SubjectId> before = new TreeSet<>();
      for (PersonIdentifiers p : persons) {
        for (Identifier i : p.identifiers()) {
          if (i.strength() == Strength.STRONG) {
            before.addAll(l.subjectsHolding(i.key(), ASSOCIATED_LIMIT));
          }
        }
      }
      l.ingest(tip);
      links.recordPersons(agency, id, persons);
      Set<SubjectId> after = new TreeSet<>(l.subjectsOfTip(id));
      Set<SubjectId> touched = new TreeSet<>(after);
      for (SubjectId s : after) {
        l.associations(s).stream()
            .limit(ASSOCIATED_LIMIT)
            .map(Association::other)
            .forEach(touched::add);
      }
      store(touched, before);
      for (SubjectId s : touched) {
        rescore.addAll(recent(l.subject(s).tips()));
      }
      for (ReportedFile f : tip.report().files()) {
        for (FileHash h : f.hashes()) {
          String alg = h.algorithm().name();
          if (l.fileSpread(alg, h.value()) == r.memeSpreadThreshold()) {
            rescore.addAll(
                recent(l.tipsHolding("file|" + alg + "|" + h.value(), Integer.MAX_VALUE)));
          }
        }
      }
    } else {
      l.updateFiles(tip); // a fileDetails document attached files
    }
    rescore.add(id);
    rescoreLinked(rescore, r);
  }

  /**
   * Links and scores every tip of the agency that has no stored triage yet (stored before linking
   * was persisted, or by a path without the step), oldest first. Reads only the store when nothing
   * is missing: the linker is rebuilt only if a tip needs it.
   *
   * @return how many tips were brought up to date
   */
  public synchronized int catchUp(AgencyId agency) {
    // One statement when nothing is missing: the store lists the tips without a result.
    List<TipId> missing = triage.unscored(agency);
    for (TipId id : missing) {
      tipChanged(agency, id);
    }
    return missing.size();
  }

  /** The same document again: repairs a crash between intake and this step. */
  public synchronized void tipSeenAgain(AgencyId agency, TipId id) {
    if (!linker().isLinked(id) || triage.find(agency, id).isEmpty()) {
      tipChanged(agency, id);
    }
  }

  /**
   * Re-scores the given tips with the current signals and stores the results: the entry point for a
   * re-triage marker (new hash sets), a new IP assessment, or anything else that changed a tip.
   * Tips not linked yet are linked first.
   *
   * @return how many tips were re-scored
   */
  public synchronized int rescore(Collection<TipId> ids) {
    Linker l = linker();
    List<TipId> linked = new ArrayList<>();
    for (TipId id : ids) {
      if (l.isLinked(id)) {
        linked.add(id);
      }
    }
    return rescoreLinked(linked);
  }

  private int rescoreLinked(Collection<TipId> ids) {
    return rescoreLinked(ids, rules.get());
  }

  private int rescoreLinked(Collection<TipId> ids, TriageRules rules) {
    Linker l = linker();
    int n = 0;
    for (TipId id : ids) {
      AgencyId agency = l.agencyOf(id);
      Optional<Tip> tip = tips.find(agency, id);
      if (tip.isEmpty()) {
        continue;
      }
      TipSignals signals = signals(l, tip.get());
      TriageResult result = Triage.score(tip.get(), signals, rules);
      triage.replace(new StoredTriage(result, signals, clock.instant()));
      n++;
    }
    return n;
  }

  private TipSignals signals(Linker l, Tip tip) {
    TipSignals s = TipSignals.unchecked(tip).withFiles(hashes.verdicts(tip));
    Optional<AssessmentRepository.Stored> ip = ipAssessments.find(tip.agency(), tip.id());
    if (ip.isPresent()) {
      s = s.withIps(StoredIpSignals.of(ip.get()));
    }
    return s.withJurisdiction(StoredIpSignals.inJurisdiction(tip.agency(), ip))
        .withLink(l.signals(tip.id()));
  }

  /** The last {@link #RESCORE_LIMIT} tips (tip ids ascend with receipt in one store). */
  private static List<TipId> recent(List<TipId> tips) {
    return tips.subList(Math.max(0, tips.size() - RESCORE_LIMIT), tips.size());
  }

  private void store(Set<SubjectId> current, Set<SubjectId> before) {
    Linker l = linker();
    List<StoredSubject> out = new ArrayList<>();
    Set<SubjectId> ids = new HashSet<>();
    for (SubjectId s : current) {
      out.add(StoredSubject.of(l, s));
      ids.add(s);
    }
    Set<SubjectId> gone = new TreeSet<>(before);
    gone.removeAll(ids);
    links.replaceSubjects(out, gone);
  }

  // ---------------------------------------------------------------- manual decisions and holds

  /** Why a manual decision or hold was refused: not found for the agency, or not allowed. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean notFound;

    public Refused(String message, boolean notFound) {
      super(message);
      this.notFound = notFound;
    }

    public boolean notFound() {
      return notFound;
    }
  }

  private Subject visibleSubject(AgencyId agency, SubjectId id) {
    Linker l = linker();
    Subject s;
    try {
      s = l.subject(id);
    } catch (IllegalArgumentException e) {
      throw new Refused("no subject " + id, true);
    }
    if (s.tips().stream().noneMatch(t -> l.agencyOf(t).equals(agency))) {
      throw new Refused("no subject " + id, true);
    }
    return s;
  }

  /** Splits the agency's persons {@code moveOut} off a subject. */
  public synchronized ManualDecision split(
      AgencyId agency, String user, SubjectId id, Set<PersonRef> moveOut, String reason) {
    Subject s = visibleSubject(agency, id);
    Linker l = linker();
    for (PersonRef p : moveOut) {
      if (!s.members().contains(p) || !l.agencyOf(p.tip()).equals(agency)) {
        throw new Refused("person " + p + " is not one of the agency's members of " + id, false);
      }
    }
    ManualDecision d;
    try {
      d = l.split(id, moveOut, reason, user, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new Refused(e.getMessage(), false);
    }
    links.addDecision(agency, d);
    afterDecision(s.members(), Set.of(id));
    return d;
  }

  /** Merges two subjects the agency can see. */
  public synchronized ManualDecision merge(
      AgencyId agency, String user, SubjectId a, SubjectId b, String reason) {
    Subject sa = visibleSubject(agency, a);
    Subject sb = visibleSubject(agency, b);
    ManualDecision d;
    try {
      d = linker().merge(a, b, reason, user, clock.instant());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new Refused(e.getMessage(), false);
    }
    links.addDecision(agency, d);
    List<PersonRef> members = new ArrayList<>(sa.members());
    members.addAll(sb.members());
    afterDecision(members, Set.of(a, b));
    return d;
  }

  /** Records that the agency works one of its tips (and so its subjects). */
  public synchronized Hold holdTip(AgencyId agency, TipId tip, String caseNumber, String contact) {
    if (tips.find(agency, tip).isEmpty() || !linker().isLinked(tip)) {
      throw new Refused("no tip " + tip, true);
    }
    Hold h = new Hold(agency, tip, caseNumber, contact, clock.instant());
    linker().hold(h);
    links.addHold(h);
    afterHold(tip);
    return h;
  }

  /** Records that the agency works a subject it can see. */
  public synchronized Hold holdSubject(
      AgencyId agency, SubjectId id, String caseNumber, String contact) {
    visibleSubject(agency, id);
    Hold h = linker().holdSubject(agency, id, caseNumber, contact, clock.instant());
    links.addHold(h);
    afterHold(h.tip());
    return h;
  }

  private void afterHold(TipId tip) {
    Set<TipId> rescore = new TreeSet<>(Comparator.comparingLong(TipId::value));
    for (SubjectId s : linker().subjectsOfTip(tip)) {
      rescore.addAll(recent(linker().subject(s).tips()));
    }
    rescoreLinked(rescore);
  }

  private void afterDecision(List<PersonRef> members, Set<SubjectId> before) {
    Linker l = linker();
    Set<SubjectId> now = new TreeSet<>();
    for (PersonRef p : members) {
      now.add(l.subjectOf(p));
    }
    Set<SubjectId> touched = new TreeSet<>(now);
    for (SubjectId s : now) {
      l.associations(s).stream()
          .limit(ASSOCIATED_LIMIT)
          .map(Association::other)
          .forEach(touched::add);
    }
    store(touched, before);
    Set<TipId> rescore = new TreeSet<>(Comparator.comparingLong(TipId::value));
    for (SubjectId s : now) {
      rescore.addAll(recent(l.subject(s).tips()));
    }
    rescoreLinked(rescore);
  }
}
