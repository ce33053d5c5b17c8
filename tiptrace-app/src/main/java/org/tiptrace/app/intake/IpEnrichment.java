package org.tiptrace.app.intake;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.ip.AttributionMode;
import org.tiptrace.ip.EventContext;
import org.tiptrace.ip.IpAttribution;
import org.tiptrace.ip.IpEventAssessment;
import org.tiptrace.ip.JurisdictionTable;
import org.tiptrace.ip.RoutingDecision;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipRepository;

/**
 * The IP attribution step of ingest: assesses every IP event of a tip with the configured {@link
 * IpAttribution}, routes the tip to a jurisdiction, and stores both, replacing an earlier result.
 * With no data sets configured the assessments are still computed; their enrichment rules say "not
 * checked", and routing rests on the ESP's estimated location alone.
 *
 * <p>The configuration is asked for on every tip, so installed data imported while the web app runs
 * is used from the next tip on ({@code org.tiptrace.app.ip.InstalledIpData}).
 */
public final class IpEnrichment implements TipStep {
  private final Supplier<Configured> configuration;
  private final TipRepository tips;
  private final AssessmentRepository assessments;
  private final Clock clock;

  /**
   * An attribution stage and what it was built from.
   *
   * @param dataSets stored beside every result: the mode, each data set with its build, the routing
   *     table's version
   */
  public record Configured(IpAttribution attribution, String dataSets) {
    public Configured {
      Objects.requireNonNull(attribution, "attribution");
      Objects.requireNonNull(dataSets, "dataSets");
    }
  }

  /**
   * @param dataSets what {@code attribution} was built from, stored beside the results
   */
  public IpEnrichment(
      IpAttribution attribution,
      String dataSets,
      TipRepository tips,
      AssessmentRepository assessments,
      Clock clock) {
    this(() -> new Configured(attribution, dataSets), tips, assessments, clock);
    Objects.requireNonNull(attribution, "attribution");
    Objects.requireNonNull(dataSets, "dataSets");
  }

  /** Enrichment whose configuration may change between tips (installed data sets). */
  public IpEnrichment(
      Supplier<Configured> configuration,
      TipRepository tips,
      AssessmentRepository assessments,
      Clock clock) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
    this.tips = Objects.requireNonNull(tips, "tips");
    this.assessments = Objects.requireNonNull(assessments, "assessments");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Enrichment with no data sets and the bundled routing table. */
  public static IpEnrichment withoutData(
      AttributionMode mode, TipRepository tips, AssessmentRepository assessments, Clock clock) {
    JurisdictionTable routing = JurisdictionTable.bundled();
    return new IpEnrichment(
        IpAttribution.builder(clock).mode(mode).jurisdiction(routing).build(),
        describe(mode, List.of(), routing),
        tips,
        assessments,
        clock);
  }

  /** The stored description of a configuration: the mode and the data file names. */
  public static String describe(AttributionMode mode, List<String> files) {
    return "mode "
        + mode.name()
        + "; "
        + (files.isEmpty()
            ? "no IP data sets (enrichment not checked)"
            : "data sets " + String.join(", ", files));
  }

  /** As {@link #describe(AttributionMode, List)}, with the routing table's name and version. */
  public static String describe(AttributionMode mode, List<String> files, JurisdictionTable table) {
    return describe(mode, files) + "; " + table.describe();
  }

  /** The configuration the next tip would be assessed with. */
  public Configured current() {
    return configuration.get();
  }

  /** Assesses the agency's tip and stores the result; false when the tip is not the agency's. */
  public boolean assess(AgencyId agency, TipId id) {
    return reassess(agency, id, configuration.get()) != Reassessed.NOT_FOUND;
  }

  /** What {@link #reassess} did. */
  public enum Reassessed {
    /** No such tip for the agency. */
    NOT_FOUND,
    /** Stored again; the assessments and routing are as before (the data sets may differ). */
    UNCHANGED,
    /** Stored; some assessment or the routing differs from what was stored. */
    CHANGED
  }

  /**
   * Assesses and routes the tip with {@code with} and stores the result, saying whether the
   * attribution changed. A tip never assessed before counts as changed.
   */
  public Reassessed reassess(AgencyId agency, TipId id, Configured with) {
    Optional<Tip> tip = tips.find(agency, id);
    if (tip.isEmpty()) {
      return Reassessed.NOT_FOUND;
    }
    List<IpEventAssessment> result =
        with.attribution()
            .assess(tip.get().report(), EventContext.of(tip.get().report().cybertipReportId()));
    RoutingDecision routing = with.attribution().route(tip.get().report(), result);
    Optional<AssessmentRepository.Stored> before = assessments.find(agency, id);
    boolean changed =
        before.isEmpty()
            || !before.get().json().equals(AssessmentRepository.toJson(result))
            || !before.get().routing().equals(Optional.of(AssessmentRepository.toJson(routing)));
    if (!assessments.replace(
        agency, id, with.dataSets(), clock.instant(), result, Optional.of(routing))) {
      return Reassessed.NOT_FOUND;
    }
    return changed ? Reassessed.CHANGED : Reassessed.UNCHANGED;
  }

  @Override
  public void changed(AgencyId agency, TipId tip) {
    assess(agency, tip);
  }

  @Override
  public void seenAgain(AgencyId agency, TipId tip) {
    assessIfMissing(agency, tip);
  }

  /** Assesses the tip only when nothing is stored for it yet (a duplicate of an older ingest). */
  public void assessIfMissing(AgencyId agency, TipId id) {
    if (assessments.find(agency, id).isEmpty()) {
      assess(agency, id);
    }
  }
}
