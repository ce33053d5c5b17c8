package org.tiptrace.link;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.UserRole;

/**
 * The linking facade: resolves the persons of all tips into subjects, incrementally.
 *
 * <h2>Map</h2>
 *
 * <ol>
 *   <li><b>Identifiers</b> ({@link IdentifierExtractor}): every person block of a tip becomes a
 *       {@link PersonRef} with normalised identifiers, each STRONG or WEAK [1].
 *   <li><b>Merges</b>: persons sharing a STRONG identifier (STRONG on both sides) are joined in a
 *       union-find (union by size, path halving) [2]. Without manual splits the result is the
 *       connected components of the strong-identifier graph (up to the chain guard below), so it
 *       does not depend on ingest order; the subject id is the smallest member, so ids do not
 *       either.
 *   <li><b>Associations</b>: WEAK identifiers (IP on a day, file hash, unverified email, screen
 *       name) only index holders; associations between subjects are computed on demand from the
 *       index, never merged. An IP alone can therefore never join two households. An identifier
 *       held by more than {@link #COMMON_LIMIT} subjects (a viral file, a carrier NAT address)
 *       associates nobody: it is noise, like a stop word [3].
 *   <li><b>Manual decisions</b>: a split is a cannot-link constraint between two sets of persons, a
 *       merge a must-link. Both are data, re-applied on every re-link. Cannot-link makes greedy
 *       union order-dependent, so whenever a constraint is involved the linker re-links
 *       canonically: must-links in decision order, then strong keys in sorted key order, holders in
 *       {@link PersonRef} order. Same tips and decisions, same subjects.
 *   <li><b>Deconfliction</b>: {@link Hold}s by agency on tips; a tip whose subject contains a tip
 *       held by another agency yields a {@link DeconflictionNotice} with contact and case only;
 *       {@link #subjectView} is the agency-scoped view of a subject. {@link #subject} and {@link
 *       #associations} are unscoped (every agency's tips): for the system, not for an agency.
 *   <li><b>Chain guard</b>: a join by a strong key is refused when the joined component would have
 *       been bridged by more than {@link #CHAIN_LIMIT} distinct strong keys of one kind: transitive
 *       chaining is how union-find merges different people and households (family phones, recycled
 *       numbers; see docs/benchmarks-link.md). The refusal is a review flag with its reason on both
 *       subjects, the shared key an association; a manual merge overrides it. Greedy, so which join
 *       is refused can depend on ingest order; {@link #rebuild} is canonical. A subject held
 *       together by more than {@link #CHAIN_LIMIT} shared strong keys of one kind (possible only
 *       through manual merges and keys shared inside) is still flagged.
 * </ol>
 *
 * <p>Trade-offs: evidence and associations are computed when asked, not stored per merge; that
 * keeps ingest O(identifiers) and the state small, and makes the evidence a function of the tips,
 * not of their order. A tip that touches a subject with a manual split costs a full canonical
 * re-link (O(n log n) over strong keys): cheap while splits are rare, to be made local later.
 *
 * <p>References: [1] shared/reference/cybertip-esp-xml.md §3.1 (user blocks) and §5; [2] Tarjan,
 * "Efficiency of a good but not linear set union algorithm", JACM 1975; [3]
 * shared/reference/peers.md §3 items 4 and 6, and §4 (Stanford 2024: meme shares swamp queues).
 *
 * <p>Not thread-safe: one writer; readers copy out values.
 */
public final class Linker {
  /** File spread is counted up to this many distinct subjects. */
  public static final int SPREAD_LIMIT = 1000;

  /**
   * Prior tips are counted up to this many: enough for any rule, and it keeps signals linear for
   * large subjects. min(count, limit) does not depend on ingest order.
   */
  public static final int PRIOR_LIMIT = 100;

  /** More distinct shared strong identifiers of one kind than this flag a subject for review. */
  public static final int CHAIN_LIMIT = 3;

  /** A weak identifier held by more distinct subjects than this creates no associations. */
  public static final int COMMON_LIMIT = 50;

  private final List<PersonRef> persons = new ArrayList<>();
  private final Map<PersonRef, Integer> personIndex = new HashMap<>();
  private final List<Identifier[]> personIds = new ArrayList<>();
  private int[] parent = new int[1024];
  private int[] size = new int[1024];
  private int[] anchor = new int[1024];

  /** Circular list of the members of each component. */
  private int[] next = new int[1024];

  private final Map<String, IntList> holders = new HashMap<>();
  private final Map<String, IntList> strongHolders = new HashMap<>();
  private final Map<TipId, TipFacts> tips = new HashMap<>();

  private final List<ManualDecision> decisions = new ArrayList<>();
  private final List<Hold> holds = new ArrayList<>();

  /** Split tags of persons: decision index to side bit (1 = side A, 2 = side B). */
  private final Map<Integer, Map<Integer, Integer>> personTags = new HashMap<>();

  /** Split tags of component roots, the union of their members' tags. */
  private final Map<Integer, Map<Integer, Integer>> rootTags = new HashMap<>();

  /** Bumped on every change of the components; read caches compare it. */
  private long version;

  private long cacheVersion = -1;
  private final Map<Integer, TipId[]> sortedTipsCache = new HashMap<>();

  /** Must-links of manual merges skipped because a later split contradicts them. */
  private final Set<Integer> supersededMerges = new TreeSet<>();

  /**
   * Per component root: the distinct strong keys, by kind, that joined two components into it (its
   * bridges). Only roots of components that were ever joined by a key have an entry.
   */
  private final Map<Integer, Map<IdentifierKind, Set<String>>> bridges = new HashMap<>();

  /** Merges refused by the chain guard, by each person of the refused pair. */
  private final Map<Integer, List<Refusal>> refusals = new HashMap<>();

  /** A merge the chain guard refused: the two persons the key would have joined. */
  private record Refusal(int a, int b, Identifier key, int bridgesAfter) {}

  private record TipFacts(
      AgencyId agency,
      Instant receivedAt,
      int[] persons,
      int reportedCount,
      int priorCt,
      List<List<String>> fileKeys) {}

  /** An empty linker. */
  public Linker() {}

  /**
   * A linker rebuilt from stored tips, decisions and holds: the same state as ingesting the tips
   * one by one in any order and replaying the decisions.
   */
  public static Linker rebuild(
      Collection<Tip> tips, List<ManualDecision> decisions, List<Hold> holds) {
    Linker linker = new Linker();
    List<Tip> sorted = new ArrayList<>(tips);
    sorted.sort(Comparator.comparingLong(t -> t.id().value()));
    for (Tip tip : sorted) {
      linker.register(tip);
    }
    for (ManualDecision d : decisions) {
      linker.checkKnown(d);
      linker.decisions.add(d);
    }
    linker.relink();
    for (Hold h : holds) {
      linker.hold(h);
    }
    return linker;
  }

  /** The identifiers of every person of a tip, as the linker sees them. */
  public static List<PersonIdentifiers> identifiers(Tip tip) {
    return IdentifierExtractor.extract(tip);
  }

  // ---------------------------------------------------------------- ingest

  /** Links one tip. A tip id may be ingested once. */
  public LinkResult ingest(Tip tip) {
    boolean needsRelink = register(tip);
    if (needsRelink) {
      relink();
    }
    TipFacts facts = tips.get(tip.id());
    List<LinkResult.PersonSubject> out = new ArrayList<>();
    for (int p : facts.persons()) {
      out.add(new LinkResult.PersonSubject(persons.get(p), subjectIdOf(p)));
    }
    return new LinkResult(tip.id(), out, deconfliction(tip.agency(), tip.id()));
  }

  /** Adds the tip's persons and unions; true when a split constraint was touched. */
  private boolean register(Tip tip) {
    version++;
    if (tips.containsKey(tip.id())) {
      throw new IllegalArgumentException("tip " + tip.id() + " is already linked");
    }
    List<PersonIdentifiers> extracted = IdentifierExtractor.extract(tip);
    int[] ids = new int[extracted.size()];
    int reported = 0;
    boolean touched = false;
    for (int i = 0; i < extracted.size(); i++) {
      PersonIdentifiers pi = extracted.get(i);
      int p = addPerson(pi);
      ids[i] = p;
      if (pi.person().role() == UserRole.REPORTED) {
        reported++;
      }
      for (Identifier id : pi.identifiers()) {
        holders.computeIfAbsent(id.key(), k -> new IntList()).add(p);
        if (id.strength() == Strength.STRONG) {
          IntList h = strongHolders.computeIfAbsent(id.key(), k -> new IntList());
          if (h.size > 0) {
            if (rootTags.isEmpty()) {
              // Without splits all strong holders of a key share one component, unless the chain
              // guard refused one of them; then the key is tried against each holder's component.
              if (!unionByKey(p, h.get(0), id)) {
                for (int j = 1; j < h.size; j++) {
                  unionByKey(p, h.get(j), id);
                }
              }
            } else {
              // A split makes greedy union order-dependent: near one, re-link canonically.
              for (int j = 0; j < h.size; j++) {
                touched |= !unionByKey(p, h.get(j), id);
              }
              touched |= rootTags.containsKey(find(p));
            }
          }
          h.add(p);
        }
      }
    }
    int priorCt = 0;
    for (ReportedUser u : tip.report().reportedUsers()) {
      priorCt += u.priorCTReports().size();
    }
    List<List<String>> fileKeys = new ArrayList<>();
    for (ReportedFile f : tip.report().files()) {
      List<String> keys = new ArrayList<>();
      f.hashes().forEach(h -> keys.add("file|" + h.algorithm().name() + "|" + h.value()));
      fileKeys.add(List.copyOf(keys));
    }
    tips.put(
        tip.id(),
        new TipFacts(
            tip.agency(), tip.receivedAt(), ids, reported, priorCt, List.copyOf(fileKeys)));
    return touched;
  }

  private int addPerson(PersonIdentifiers pi) {
    int p = persons.size();
    persons.add(pi.person());
    personIndex.put(pi.person(), p);
    personIds.add(pi.identifiers().toArray(new Identifier[0]));
    if (p == parent.length) {
      int n = parent.length * 2;
      parent = Arrays.copyOf(parent, n);
      size = Arrays.copyOf(size, n);
      anchor = Arrays.copyOf(anchor, n);
      next = Arrays.copyOf(next, n);
    }
    parent[p] = p;
    size[p] = 1;
    anchor[p] = p;
    next[p] = p;
    return p;
  }

  // ---------------------------------------------------------------- union-find

  private int find(int p) {
    while (parent[p] != p) {
      parent[p] = parent[parent[p]];
      p = parent[p];
    }
    return p;
  }

  /** Joins the components of a and b; false when a manual split forbids it. */
  private boolean union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return true;
    }
    Map<Integer, Integer> ta = rootTags.get(ra);
    Map<Integer, Integer> tb = rootTags.get(rb);
    if (ta != null && tb != null) {
      for (Map.Entry<Integer, Integer> e : ta.entrySet()) {
        Integer other = tb.get(e.getKey());
        if (other != null && (other | e.getValue()) == 3) {
          return false;
        }
      }
    }
    if (size[ra] < size[rb]) {
      int t = ra;
      ra = rb;
      rb = t;
      Map<Integer, Integer> tt = ta;
      ta = tb;
      tb = tt;
    }
    parent[rb] = ra;
    version++;
    size[ra] += size[rb];
    if (persons.get(anchor[rb]).compareTo(persons.get(anchor[ra])) < 0) {
      anchor[ra] = anchor[rb];
    }
    int t = next[ra];
    next[ra] = next[rb];
    next[rb] = t;
    if (tb != null) {
      Map<Integer, Integer> merged = ta == null ? new HashMap<>() : ta;
      tb.forEach((k, v) -> merged.merge(k, v, (x, y) -> x | y));
      rootTags.put(ra, merged);
      rootTags.remove(rb);
    }
    Map<IdentifierKind, Set<String>> bb = bridges.remove(rb);
    if (bb != null) {
      Map<IdentifierKind, Set<String>> ba = bridges.computeIfAbsent(ra, k -> new HashMap<>());
      bb.forEach((kind, keys) -> ba.computeIfAbsent(kind, k -> new HashSet<>()).addAll(keys));
    }
    return true;
  }

  /**
   * Joins the components of a and b because they share the strong identifier {@code key}; false
   * when a manual split forbids it or the chain guard refuses it.
   *
   * <p>The chain guard: a component whose members were joined by more than {@link #CHAIN_LIMIT}
   * distinct strong identifiers of one kind is how union-find chains different people and
   * households together (family phones, shared mailboxes, recycled numbers): A shares a phone with
   * B, B another with C, and so on. Such a join is refused with its reason; the shared key stays
   * visible as an association and an investigator can still merge by hand. One person's one phone
   * seen in a hundred tips is one bridge, not a hundred.
   */
  private boolean unionByKey(int a, int b, Identifier key) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return true;
    }
    Set<String> sa = bridgeKeys(ra, key.kind());
    Set<String> sb = bridgeKeys(rb, key.kind());
    int after = sa.size() + sb.size() + 1;
    if (after > CHAIN_LIMIT) {
      Set<String> all = new HashSet<>(sa);
      all.addAll(sb);
      all.add(key.key());
      if (all.size() > CHAIN_LIMIT) {
        Refusal r = new Refusal(a, b, key, all.size());
        refusals.computeIfAbsent(a, k -> new ArrayList<>()).add(r);
        refusals.computeIfAbsent(b, k -> new ArrayList<>()).add(r);
        return false;
      }
    }
    if (!union(ra, rb)) {
      return false;
    }
    bridges
        .computeIfAbsent(find(ra), k -> new HashMap<>())
        .computeIfAbsent(key.kind(), k -> new HashSet<>())
        .add(key.key());
    return true;
  }

  private Set<String> bridgeKeys(int root, IdentifierKind kind) {
    Map<IdentifierKind, Set<String>> m = bridges.get(root);
    if (m == null) {
      return Set.of();
    }
    return m.getOrDefault(kind, Set.of());
  }

  /** Rebuilds every component canonically from the stored identifiers and the decisions. */
  private void relink() {
    version++;
    int n = persons.size();
    for (int p = 0; p < n; p++) {
      parent[p] = p;
      size[p] = 1;
      anchor[p] = p;
      next[p] = p;
    }
    personTags.clear();
    rootTags.clear();
    supersededMerges.clear();
    bridges.clear();
    refusals.clear();
    for (int i = 0; i < decisions.size(); i++) {
      ManualDecision d = decisions.get(i);
      if (d.kind() == ManualDecision.Kind.SPLIT) {
        tag(d.sideA(), i, 1);
        tag(d.sideB(), i, 2);
      }
    }
    personTags.forEach((p, t) -> rootTags.put(p, new HashMap<>(t)));
    for (int i = 0; i < decisions.size(); i++) {
      ManualDecision d = decisions.get(i);
      if (d.kind() == ManualDecision.Kind.MERGE) {
        boolean ok = true;
        for (PersonRef a : d.sideA()) {
          for (PersonRef b : d.sideB()) {
            ok &= union(personIndex.get(a), personIndex.get(b));
          }
        }
        if (!ok) {
          supersededMerges.add(i);
        }
      }
    }
    List<String> keys = new ArrayList<>(strongHolders.keySet());
    keys.sort(Comparator.naturalOrder());
    Comparator<Integer> byRef = Comparator.comparing(persons::get);
    for (String key : keys) {
      IntList h = strongHolders.get(key);
      if (h.size < 2) {
        continue;
      }
      List<Integer> sorted = h.boxed();
      sorted.sort(byRef);
      int first = sorted.get(0);
      Identifier id = strongIdentifier(first, key);
      for (int i = 1; i < sorted.size(); i++) {
        if (!unionByKey(first, sorted.get(i), id)) {
          // Refused against the first holder: the others may still join this holder's component.
          for (int j = 1; j < i; j++) {
            if (unionByKey(sorted.get(j), sorted.get(i), id)) {
              break;
            }
          }
        }
      }
    }
  }

  private Identifier strongIdentifier(int person, String key) {
    for (Identifier i : personIds.get(person)) {
      if (i.key().equals(key)) {
        return i;
      }
    }
    throw new IllegalStateException("person " + persons.get(person) + " does not hold " + key);
  }

  private void tag(Set<PersonRef> side, int decision, int bit) {
    for (PersonRef ref : side) {
      personTags
          .computeIfAbsent(personIndex.get(ref), k -> new HashMap<>())
          .merge(decision, bit, (x, y) -> x | y);
    }
  }

  // ---------------------------------------------------------------- manual decisions

  /**
   * Splits {@code moveOut} off a subject, recorded with reason, user and time. The persons moved
   * out never again share a subject with the ones left, whatever they share.
   */
  public ManualDecision split(
      SubjectId subject, Set<PersonRef> moveOut, String reason, String user, Instant at) {
    List<PersonRef> members = members(rootOf(subject.anchor()));
    if (moveOut.isEmpty() || !members.containsAll(moveOut)) {
      throw new IllegalArgumentException(
          "split of " + subject + ": persons to move out must be members of the subject");
    }
    Set<PersonRef> rest = new TreeSet<>(members);
    rest.removeAll(moveOut);
    if (rest.isEmpty()) {
      throw new IllegalArgumentException(
          "split of " + subject + ": at least one person must stay in the subject");
    }
    ManualDecision d =
        new ManualDecision(ManualDecision.Kind.SPLIT, moveOut, rest, reason, user, at);
    decisions.add(d);
    relink();
    return d;
  }

  /** Merges two subjects by hand; refused when a manual split keeps them apart. */
  public ManualDecision merge(SubjectId a, SubjectId b, String reason, String user, Instant at) {
    int ra = rootOf(a.anchor());
    int rb = rootOf(b.anchor());
    if (ra == rb) {
      throw new IllegalArgumentException(a + " and " + b + " are already one subject");
    }
    Map<Integer, Integer> ta = rootTags.get(ra);
    Map<Integer, Integer> tb = rootTags.get(rb);
    if (ta != null && tb != null) {
      for (Map.Entry<Integer, Integer> e : ta.entrySet()) {
        Integer other = tb.get(e.getKey());
        if (other != null && (other | e.getValue()) == 3) {
          throw new IllegalStateException(
              a + " and " + b + " were kept apart by " + decisions.get(e.getKey()).describe());
        }
      }
    }
    ManualDecision d =
        new ManualDecision(
            ManualDecision.Kind.MERGE, Set.of(a.anchor()), Set.of(b.anchor()), reason, user, at);
    decisions.add(d);
    union(ra, rb);
    return d;
  }

  /** Every manual decision, in the order made (for persistence). */
  public List<ManualDecision> decisions() {
    return List.copyOf(decisions);
  }

  private void checkKnown(ManualDecision d) {
    for (PersonRef p : d.sideA()) {
      requirePerson(p);
    }
    for (PersonRef p : d.sideB()) {
      requirePerson(p);
    }
  }

  private int requirePerson(PersonRef p) {
    Integer i = personIndex.get(p);
    if (i == null) {
      throw new IllegalArgumentException("person " + p + " is not linked");
    }
    return i;
  }

  private int rootOf(PersonRef p) {
    return find(requirePerson(p));
  }

  // ---------------------------------------------------------------- subjects

  /** The subject a person belongs to now. */
  public SubjectId subjectOf(PersonRef person) {
    return subjectIdOf(requirePerson(person));
  }

  private SubjectId subjectIdOf(int p) {
    return new SubjectId(persons.get(anchor[find(p)]));
  }

  /** The subjects of a tip's persons, ascending, without duplicates. */
  public List<SubjectId> subjectsOfTip(TipId tip) {
    TipFacts f = requireTip(tip);
    Set<SubjectId> out = new TreeSet<>();
    for (int p : f.persons()) {
      out.add(subjectIdOf(p));
    }
    return List.copyOf(out);
  }

  /** A subject with its members, tips and the evidence that holds it together. */
  public Subject subject(SubjectId id) {
    int root = rootOf(id.anchor());
    if (anchor[root] != personIndex.get(id.anchor())) {
      throw new IllegalArgumentException(
          id + " is no longer a subject id; it is now part of " + subjectIdOf(root));
    }
    List<PersonRef> members = members(root);
    Set<TipId> tipIds = new TreeSet<>(Comparator.comparingLong(TipId::value));
    members.forEach(m -> tipIds.add(m.tip()));
    List<Evidence> evidence = evidence(root, members);
    List<String> flags = new ArrayList<>(reviewFlags(evidence));
    flags.addAll(refusalFlags(root, members));
    return new Subject(id, members, List.copyOf(tipIds), evidence, flags);
  }

  /**
   * Why merges of this subject with others were refused by the chain guard, once per key, in key
   * order. Worded without the other subject: it may be another agency's (its associations name it).
   */
  private List<String> refusalFlags(int root, List<PersonRef> members) {
    Map<String, String> out = new TreeMap<>();
    for (PersonRef m : members) {
      List<Refusal> rs = refusals.get(personIndex.get(m));
      if (rs == null) {
        continue;
      }
      for (Refusal r : rs) {
        int other = find(r.a()) == root ? r.b() : r.a();
        if (find(other) == root) {
          continue; // joined later by other evidence or by hand
        }
        Identifier k = r.key();
        out.putIfAbsent(
            k.key(),
            "merge refused: same "
                + k.kind().label()
                + " "
                + k.display()
                + " would join this subject with another, held together by "
                + r.bridgesAfter()
                + " different shared "
                + k.kind().label()
                + " identifiers: possible chained merge of different people or households;"
                + " kept apart as an association (merge by hand if they are one person)");
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * A subject as the viewing agency may see it (see {@link SubjectView}): never another agency's
   * tip ids, persons or decisions; holds of other agencies appear as deconfliction notices.
   */
  public SubjectView subjectView(AgencyId viewer, SubjectId id) {
    Subject s = subject(id);
    Set<TipId> subjectTips = new HashSet<>(s.tips());
    List<Hold> onSubject = holds.stream().filter(h -> subjectTips.contains(h.tip())).toList();
    return SubjectView.of(viewer, s, t -> tips.get(t).agency(), onSubject);
  }

  /**
   * The subjects whose persons hold the identifier key (for the caller to learn which subjects a
   * new tip may join or touch), up to {@code limit}.
   */
  public Set<SubjectId> subjectsHolding(String key, int limit) {
    Set<SubjectId> out = new TreeSet<>();
    IntList h = holders.get(key);
    for (int i = 0; h != null && i < h.size && out.size() < limit; i++) {
      out.add(subjectIdOf(h.get(i)));
    }
    return out;
  }

  /** The tips whose persons hold the identifier key, ascending, up to {@code limit}. */
  public List<TipId> tipsHolding(String key, int limit) {
    Set<TipId> out = new TreeSet<>(Comparator.comparingLong(TipId::value));
    IntList h = holders.get(key);
    for (int i = 0; h != null && i < h.size && out.size() < limit; i++) {
      out.add(persons.get(h.get(i)).tip());
    }
    return List.copyOf(out);
  }

  /**
   * Takes the current file list of a linked tip (a fileDetails document attached files after it was
   * linked), so that its signals have one spread per file. The new files' hashes are not added to
   * the identifier index: they count other subjects' copies, not this tip's.
   */
  public void updateFiles(Tip tip) {
    TipFacts f = requireTip(tip.id());
    List<List<String>> fileKeys = new ArrayList<>();
    for (ReportedFile file : tip.report().files()) {
      List<String> keys = new ArrayList<>();
      file.hashes().forEach(h -> keys.add("file|" + h.algorithm().name() + "|" + h.value()));
      fileKeys.add(List.copyOf(keys));
    }
    tips.put(
        tip.id(),
        new TipFacts(
            f.agency(),
            f.receivedAt(),
            f.persons(),
            f.reportedCount(),
            f.priorCt(),
            List.copyOf(fileKeys)));
  }

  /** Whether the tip is linked. */
  public boolean isLinked(TipId tip) {
    return tips.containsKey(tip);
  }

  /** The agency of a linked tip. */
  public AgencyId agencyOf(TipId tip) {
    return requireTip(tip).agency();
  }

  /** Every subject, ascending by id. */
  public List<Subject> subjects() {
    List<Subject> out = new ArrayList<>();
    for (int p = 0; p < persons.size(); p++) {
      if (find(p) == p) {
        out.add(subject(new SubjectId(persons.get(anchor[p]))));
      }
    }
    out.sort(Comparator.comparing(Subject::id));
    return out;
  }

  /** Number of subjects (cheap). */
  public int subjectCount() {
    int c = 0;
    for (int p = 0; p < persons.size(); p++) {
      if (parent[p] == p) {
        c++;
      }
    }
    return c;
  }

  /** Number of linked tips. */
  public int tipCount() {
    return tips.size();
  }

  private List<PersonRef> members(int root) {
    List<PersonRef> out = new ArrayList<>(size[root]);
    int p = root;
    do {
      out.add(persons.get(p));
      p = next[p];
    } while (p != root);
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private List<Evidence> evidence(int root, List<PersonRef> members) {
    Map<String, Identifier> byKey = new TreeMap<>();
    Map<String, Set<TipId>> tipsByKey = new HashMap<>();
    Map<String, Integer> holdersByKey = new HashMap<>();
    for (PersonRef m : members) {
      for (Identifier id : personIds.get(personIndex.get(m))) {
        if (id.strength() == Strength.STRONG) {
          byKey.putIfAbsent(id.key(), id);
          tipsByKey
              .computeIfAbsent(id.key(), k -> new TreeSet<>(Comparator.comparingLong(TipId::value)))
              .add(m.tip());
          holdersByKey.merge(id.key(), 1, Integer::sum);
        }
      }
    }
    List<Evidence> out = new ArrayList<>();
    byKey.forEach(
        (key, id) -> {
          if (holdersByKey.get(key) >= 2) {
            List<TipId> t = List.copyOf(tipsByKey.get(key));
            out.add(
                new Evidence(
                    Optional.of(id),
                    t,
                    "same " + id.kind().label() + " " + id.display() + " in " + tipsText(t)));
          }
        });
    Set<PersonRef> memberSet = new HashSet<>(members);
    for (int i = 0; i < decisions.size(); i++) {
      ManualDecision d = decisions.get(i);
      boolean a = d.sideA().stream().anyMatch(memberSet::contains);
      boolean b = d.sideB().stream().anyMatch(memberSet::contains);
      if ((d.kind() == ManualDecision.Kind.MERGE && a && b && !supersededMerges.contains(i))
          || (d.kind() == ManualDecision.Kind.SPLIT && (a || b))) {
        Set<TipId> t = new TreeSet<>(Comparator.comparingLong(TipId::value));
        d.sideA().forEach(p -> t.add(p.tip()));
        d.sideB().forEach(p -> t.add(p.tip()));
        out.add(new Evidence(Optional.empty(), List.copyOf(t), d.describe()));
      }
    }
    return out;
  }

  /**
   * Chained merges to confirm: more than {@link #CHAIN_LIMIT} distinct shared strong identifiers of
   * one kind. One person rarely has many phones or verified mailboxes, while family phones and
   * recycled numbers chain unrelated people together transitively. Computed on the final component,
   * so it does not depend on ingest order.
   */
  private static List<String> reviewFlags(List<Evidence> evidence) {
    Map<IdentifierKind, Integer> byKind = new TreeMap<>();
    for (Evidence e : evidence) {
      e.identifier().ifPresent(i -> byKind.merge(i.kind(), 1, Integer::sum));
    }
    List<String> out = new ArrayList<>();
    byKind.forEach(
        (kind, n) -> {
          if (n > CHAIN_LIMIT) {
            out.add(
                "held together by "
                    + n
                    + " different shared "
                    + kind.label()
                    + " identifiers: possible chained merge of different people; confirm or split");
          }
        });
    return out;
  }

  static String tipsText(List<TipId> t) {
    if (t.size() == 1) {
      return "tip " + t.get(0);
    }
    StringBuilder sb = new StringBuilder("tips ");
    for (int i = 0; i < t.size(); i++) {
      if (i > 0) {
        sb.append(i == t.size() - 1 ? " and " : ", ");
      }
      sb.append(t.get(i));
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- associations

  /**
   * Weak ties of a subject to other subjects, strongest first. Identifiers held by more than {@link
   * #COMMON_LIMIT} subjects are left out.
   */
  public List<Association> associations(SubjectId id) {
    int root = rootOf(id.anchor());
    Set<String> keys = new TreeSet<>();
    Map<String, Identifier> byKey = new HashMap<>();
    for (PersonRef m : members(root)) {
      for (Identifier i : personIds.get(personIndex.get(m))) {
        keys.add(i.key());
        byKey.putIfAbsent(i.key(), i);
      }
    }
    return associate(root, keys, byKey);
  }

  private List<Association> associate(int root, Set<String> keys, Map<String, Identifier> byKey) {
    Map<Integer, List<Evidence>> evidence = new HashMap<>();
    Map<Integer, Integer> strength = new HashMap<>();
    for (String key : keys) {
      IntList h = holders.get(key);
      // First pass: other subjects only (a recurring offender's phone has hundreds of holders,
      // all in its own subject; they cost a find each and nothing else).
      Map<Integer, List<TipId>> others = null;
      boolean common = false;
      for (int i = 0; i < h.size; i++) {
        int p = h.get(i);
        int r = find(p);
        if (r == root) {
          continue;
        }
        if (others == null) {
          others = new LinkedHashMap<>();
        }
        List<TipId> t = others.get(r);
        if (t == null) {
          if (others.size() + 1 >= COMMON_LIMIT) {
            common = true;
            break;
          }
          t = new ArrayList<>();
          others.put(r, t);
        }
        t.add(persons.get(p).tip());
      }
      if (common || others == null) {
        continue;
      }
      List<TipId> own = new ArrayList<>();
      for (int i = 0; i < h.size; i++) {
        if (find(h.get(i)) == root) {
          own.add(persons.get(h.get(i)).tip());
        }
      }
      if (own.isEmpty()) {
        continue;
      }
      Identifier id = byKey.get(key);
      for (Map.Entry<Integer, List<TipId>> e : others.entrySet()) {
        Set<TipId> t = new TreeSet<>(Comparator.comparingLong(TipId::value));
        t.addAll(own);
        t.addAll(e.getValue());
        List<TipId> tl = List.copyOf(t);
        String text = "same " + id.kind().label() + " " + id.display() + " in " + tipsText(tl);
        if (id.strength() == Strength.STRONG) {
          text +=
              rootTags.containsKey(root) && rootTags.containsKey(e.getKey())
                  ? " (kept apart by a manual split)"
                  : " (not merged: chained-merge guard, see review flags)";
        }
        evidence
            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
            .add(new Evidence(Optional.of(id), tl, text));
        strength.merge(e.getKey(), id.kind().associationWeight(), Integer::sum);
      }
    }
    List<Association> out = new ArrayList<>();
    evidence.forEach((r, ev) -> out.add(new Association(subjectIdOf(r), strength.get(r), ev)));
    out.sort(
        Comparator.comparingInt(Association::strength)
            .reversed()
            .thenComparing(Association::other));
    return out;
  }

  // ---------------------------------------------------------------- signals for triage

  /** What linking knows about a tip, for triage. */
  public LinkSignals signals(TipId tip) {
    TipFacts f = requireTip(tip);
    Set<Integer> roots = new TreeSet<>();
    for (int i = 0; i < f.reportedCount(); i++) {
      roots.add(find(f.persons()[i]));
    }
    Set<SubjectId> subjects = new TreeSet<>();
    for (int r : roots) {
      subjects.add(new SubjectId(persons.get(anchor[r])));
    }
    int priorCount;
    if (roots.size() == 1) {
      // One subject (the usual case): binary search in its tips sorted by receipt.
      TipId[] sorted = sortedTips(roots.iterator().next());
      priorCount = Arrays.binarySearch(sorted, tip, this::byReceipt);
    } else {
      Set<TipId> prior = new HashSet<>();
      for (int r : roots) {
        int p = r;
        do {
          TipId other = persons.get(p).tip();
          if (!other.equals(tip) && isBefore(tips.get(other), other, f, tip)) {
            prior.add(other);
          }
          p = next[p];
        } while (p != r && prior.size() < PRIOR_LIMIT);
      }
      priorCount = prior.size();
    }
    Set<String> keys = new TreeSet<>();
    Map<String, Identifier> byKey = new HashMap<>();
    int payments = 0;
    for (int i = 0; i < f.reportedCount(); i++) {
      for (Identifier id : personIds.get(f.persons()[i])) {
        if (id.kind() != IdentifierKind.FILE_HASH) {
          keys.add(id.key());
          byKey.putIfAbsent(id.key(), id);
        }
        if (id.kind() == IdentifierKind.PAYMENT_ID) {
          payments++;
        }
      }
    }
    Set<SubjectId> linked = new TreeSet<>();
    for (int r : roots) {
      for (Association a : associate(r, keys, byKey)) {
        linked.add(a.other());
      }
    }
    linked.removeAll(subjects);
    List<Integer> spread = new ArrayList<>();
    for (List<String> fileKeys : f.fileKeys()) {
      spread.add(spread(fileKeys));
    }
    return new LinkSignals(
        List.copyOf(subjects),
        Math.min(priorCount, PRIOR_LIMIT),
        f.priorCt(),
        linked.size(),
        spread,
        payments);
  }

  private int byReceipt(TipId a, TipId b) {
    int c = tips.get(a).receivedAt().compareTo(tips.get(b).receivedAt());
    return c != 0 ? c : Long.compare(a.value(), b.value());
  }

  /** The distinct tips of a component sorted by receipt; cached until the components change. */
  private TipId[] sortedTips(int root) {
    if (cacheVersion != version) {
      sortedTipsCache.clear();
      cacheVersion = version;
    }
    TipId[] cached = sortedTipsCache.get(root);
    if (cached == null) {
      Set<TipId> distinct = new HashSet<>();
      int p = root;
      do {
        distinct.add(persons.get(p).tip());
        p = next[p];
      } while (p != root);
      cached = distinct.toArray(new TipId[0]);
      Arrays.sort(cached, this::byReceipt);
      sortedTipsCache.put(root, cached);
    }
    return cached;
  }

  private static boolean isBefore(TipFacts a, TipId aId, TipFacts b, TipId bId) {
    int c = a.receivedAt().compareTo(b.receivedAt());
    return c < 0 || (c == 0 && aId.value() < bId.value());
  }

  /** Distinct subjects holding any of the keys, counted up to {@link #SPREAD_LIMIT}. */
  private int spread(List<String> keys) {
    Set<Integer> roots = new HashSet<>();
    for (String key : keys) {
      IntList h = holders.get(key);
      if (h == null) {
        continue;
      }
      for (int i = 0; i < h.size && roots.size() < SPREAD_LIMIT; i++) {
        roots.add(find(h.get(i)));
      }
    }
    return Math.min(roots.size(), SPREAD_LIMIT);
  }

  /** Distinct subjects that reported a file with this hash (lower-case hex), up to the limit. */
  public int fileSpread(String algorithm, String hexValue) {
    return spread(List.of("file|" + algorithm + "|" + hexValue));
  }

  private TipFacts requireTip(TipId tip) {
    TipFacts f = tips.get(tip);
    if (f == null) {
      throw new IllegalArgumentException("tip " + tip + " is not linked");
    }
    return f;
  }

  // ---------------------------------------------------------------- deconfliction

  /** Records that an agency actively works a tip (and so its subjects). */
  public void hold(Hold hold) {
    requireTip(hold.tip());
    holds.add(hold);
  }

  /**
   * Records that an agency actively works a subject: held through the subject's earliest tip of
   * that agency, or its earliest tip when the agency has none in it.
   */
  public Hold holdSubject(
      AgencyId agency, SubjectId subject, String caseNumber, String contact, Instant since) {
    Subject s = subject(subject);
    TipId chosen = s.tips().get(0);
    for (TipId t : s.tips()) {
      if (tips.get(t).agency().equals(agency)) {
        chosen = t;
        break;
      }
    }
    Hold h = new Hold(agency, chosen, caseNumber, contact, since);
    hold(h);
    return h;
  }

  /** Every hold, in the order recorded (for persistence). */
  public List<Hold> holds() {
    return List.copyOf(holds);
  }

  /**
   * Holds of other agencies on any subject of the tip, as the viewing agency may see them: agency,
   * case number and contact, never the other agency's tips.
   */
  public List<DeconflictionNotice> deconfliction(AgencyId viewer, TipId tip) {
    TipFacts f = requireTip(tip);
    Set<Integer> roots = new HashSet<>();
    for (int p : f.persons()) {
      roots.add(find(p));
    }
    Set<DeconflictionNotice> out =
        new TreeSet<>(
            Comparator.comparing((DeconflictionNotice n) -> n.holdingAgency().code())
                .thenComparing(DeconflictionNotice::caseNumber)
                .thenComparing(DeconflictionNotice::contact));
    for (Hold h : holds) {
      if (h.agency().equals(viewer)) {
        continue;
      }
      for (int p : tips.get(h.tip()).persons()) {
        if (roots.contains(find(p))) {
          out.add(new DeconflictionNotice(h.agency(), h.caseNumber(), h.contact()));
          break;
        }
      }
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------- small int list

  private static final class IntList {
    private int[] values = new int[2];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int get(int i) {
      return values[i];
    }

    List<Integer> boxed() {
      List<Integer> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        out.add(values[i]);
      }
      return out;
    }
  }
}
