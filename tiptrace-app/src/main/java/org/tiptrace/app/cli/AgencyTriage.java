package org.tiptrace.app.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tiptrace.app.queue.StoredIpSignals;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.ip.DeadlineSignal;
import org.tiptrace.ip.EventContext;
import org.tiptrace.ip.IpAttribution;
import org.tiptrace.ip.IpEventAssessment;
import org.tiptrace.ip.RetentionDeadline;
import org.tiptrace.link.Linker;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipQuery;
import org.tiptrace.tip.TipRepository;
import org.tiptrace.tip.TipSummary;
import org.tiptrace.tip.TriState;
import org.tiptrace.triage.AttributionStatus;
import org.tiptrace.triage.IpSignal;
import org.tiptrace.triage.ReplayReport;
import org.tiptrace.triage.TipSignals;
import org.tiptrace.triage.Triage;
import org.tiptrace.triage.TriageInput;
import org.tiptrace.triage.TriageQueue;
import org.tiptrace.triage.TriageResult;
import org.tiptrace.triage.TriageRules;

/**
 * Every tip of one agency with its signals, ready to score: the agency's stored tips, a {@link
 * Linker} rebuilt from them, and the IP attribution of every capture (or "not checked" when no
 * attribution stage is given). Shared by {@code tiptrace queue} and {@code tiptrace triage replay};
 * an HTTP endpoint can use it the same way.
 *
 * <p>The linker sees only this agency's tips, so link signals never count other agencies' tips.
 * Manual link decisions and holds are not stored yet; the rebuild uses none.
 */
public final class AgencyTriage {
  private final AgencyId agency;
  private final Map<TipId, Tip> tips;
  private final Linker linker;
  private final List<TriageInput> inputs;

  private AgencyTriage(
      AgencyId agency, Map<TipId, Tip> tips, Linker linker, List<TriageInput> inputs) {
    this.agency = agency;
    this.tips = tips;
    this.linker = linker;
    this.inputs = inputs;
  }

  /** Loads every tip of the agency, page by page, ascending by id. */
  public static List<Tip> loadTips(TipRepository repository, AgencyId agency) {
    List<Tip> out = new ArrayList<>();
    int offset = 0;
    while (true) {
      Page<TipSummary> page = repository.list(agency, new TipQuery(offset, TipQuery.MAX_LIMIT));
      for (TipSummary s : page.items()) {
        repository.find(agency, s.id()).ifPresent(out::add);
      }
      offset += page.items().size();
      if (page.items().isEmpty() || offset >= page.total()) {
        break;
      }
    }
    out.sort(Comparator.comparingLong(t -> t.id().value()));
    return out;
  }

  /** The agency's tips from the repository, with signals. */
  public static AgencyTriage load(
      TipRepository repository, AgencyId agency, Optional<IpAttribution> attribution) {
    return of(agency, loadTips(repository, agency), attribution);
  }

  /**
   * Signals for the given tips (all of {@code agency}): link signals from a linker rebuilt from
   * them, IP signals from {@code attribution} when present, else "not checked".
   */
  public static AgencyTriage of(
      AgencyId agency, List<Tip> agencyTips, Optional<IpAttribution> attribution) {
    return of(agency, agencyTips, attribution, id -> TriState.UNKNOWN);
  }

  /** As {@link #load(TipRepository, AgencyId, Optional)}, with each tip's "in jurisdiction". */
  public static AgencyTriage load(
      TipRepository repository,
      AgencyId agency,
      Optional<IpAttribution> attribution,
      Function<TipId, TriState> inJurisdiction) {
    return of(agency, loadTips(repository, agency), attribution, inJurisdiction);
  }

  /**
   * Whether the tip's stored routing decision sends it to {@code agency}: TRUE when routed to it,
   * FALSE when routed to another agency or referred abroad, UNKNOWN when under review or never
   * routed.
   */
  public static TriState inJurisdiction(
      AgencyId agency, Optional<AssessmentRepository.Stored> stored) {
    return StoredIpSignals.inJurisdiction(agency, stored);
  }

  /** As {@link #of(AgencyId, List, Optional)}, with each tip's "in jurisdiction". */
  public static AgencyTriage of(
      AgencyId agency,
      List<Tip> agencyTips,
      Optional<IpAttribution> attribution,
      Function<TipId, TriState> inJurisdiction) {
    Map<TipId, Tip> byId = new LinkedHashMap<>();
    for (Tip t : agencyTips) {
      if (!t.agency().equals(agency)) {
        throw new IllegalArgumentException("tip " + t.id() + " belongs to " + t.agency());
      }
      byId.put(t.id(), t);
    }
    Linker linker = Linker.rebuild(byId.values(), List.of(), List.of());
    List<TriageInput> inputs = new ArrayList<>();
    for (Tip t : byId.values()) {
      TipSignals signals =
          TipSignals.unchecked(t)
              .withLink(linker.signals(t.id()))
              .withJurisdiction(inJurisdiction.apply(t.id()));
      if (attribution.isPresent()) {
        signals = signals.withIps(ipSignals(t, attribution.get()));
      }
      inputs.add(new TriageInput(t, signals));
    }
    return new AgencyTriage(agency, Map.copyOf(byId), linker, List.copyOf(inputs));
  }

  /**
   * The attribution of every capture of the tip's reported users, in the order of {@link
   * TipSignals#unchecked}. The account key is the ESP identifier, else the screen name.
   */
  public static List<IpSignal> ipSignals(Tip tip, IpAttribution attribution) {
    EventContext base = EventContext.of(tip.report().cybertipReportId());
    List<IpSignal> out = new ArrayList<>();
    for (ReportedUser u : tip.report().reportedUsers()) {
      Optional<String> account = u.espIdentifier().or(u::screenName);
      EventContext ctx = account.map(base::withAccount).orElse(base);
      for (IpCaptureEvent e : u.ipCaptureEvents()) {
        out.add(signal(e.ipAddress(), attribution.assess(e, ctx)));
      }
    }
    return out;
  }

  /**
   * Translates an attribution into the triage's terms. Only ATTRIBUTABLE and the deadline score.
   * The deadline is kept only where an ISP can still be asked (attributable, or once a port or the
   * zone is found) and only while the records are likely still there: a deadline already past
   * ({@link DeadlineSignal#LIKELY_EXPIRED}) can no longer be met, so it neither counts as
   * perishable nor puts the tip ahead of tips that can still be saved.
   */
  public static IpSignal signal(String ipAddress, IpEventAssessment a) {
    AttributionStatus status =
        switch (a.status()) {
          case ATTRIBUTABLE -> AttributionStatus.ATTRIBUTABLE;
          case NEEDS_PORT -> AttributionStatus.NEEDS_PORT;
          case TIME_AMBIGUOUS -> AttributionStatus.NEEDS_TIME;
          // No single subscriber behind the address: an anonymiser, a provider, a shared network,
          // or an address that cannot be a subscriber's at all.
          case TOR_EXIT, VPN_OR_HOSTING, SHARED_NETWORK, NON_ROUTABLE, INVALID_IP ->
              AttributionStatus.ANONYMISED;
        };
    boolean askable =
        status == AttributionStatus.ATTRIBUTABLE
            || status == AttributionStatus.NEEDS_PORT
            || status == AttributionStatus.NEEDS_TIME;
    Optional<Instant> deadline =
        askable
            ? a.deadline()
                .filter(
                    d ->
                        d.signal() == DeadlineSignal.WITHIN_RETENTION
                            || d.signal() == DeadlineSignal.PRESERVE_NOW)
                .flatMap(RetentionDeadline::likelyGoneAt)
            : Optional.empty();
    return new IpSignal(a.ip().orElse(ipAddress), status, deadline);
  }

  public AgencyId agency() {
    return agency;
  }

  /** The tips and their signals, ascending by tip id. */
  public List<TriageInput> inputs() {
    return inputs;
  }

  public Optional<Tip> tip(TipId id) {
    return Optional.ofNullable(tips.get(id));
  }

  public Linker linker() {
    return linker;
  }

  /** Every tip scored with the rules, in tip order. */
  public List<TriageResult> score(TriageRules rules) {
    return inputs.stream().map(i -> Triage.score(i.tip(), i.signals(), rules)).toList();
  }

  /** Every tip scored with the rules, in work-queue order. */
  public List<TriageResult> queue(TriageRules rules) {
    return TriageQueue.build(agency, score(rules));
  }

  /** The tips whose tier differs between the two rule sets. */
  public ReplayReport replay(TriageRules current, TriageRules candidate) {
    return Triage.replay(inputs, current, candidate);
  }
}
