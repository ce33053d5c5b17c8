package org.tiptrace.app.intake;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.ip.AttributionMode;
import org.tiptrace.ip.EventContext;
import org.tiptrace.ip.IpAttribution;
import org.tiptrace.ip.IpEventAssessment;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipRepository;

/**
 * The IP attribution step of ingest: assesses every IP event of a tip with the configured {@link
 * IpAttribution} and stores the result, replacing an earlier one. With no data sets configured the
 * assessments are still computed; their enrichment rules say "not checked".
 */
public final class IpEnrichment implements TipStep {
  private final IpAttribution attribution;
  private final String dataSets;
  private final TipRepository tips;
  private final AssessmentRepository assessments;
  private final Clock clock;

  /**
   * @param dataSets what {@code attribution} was built from, stored beside the results
   */
  public IpEnrichment(
      IpAttribution attribution,
      String dataSets,
      TipRepository tips,
      AssessmentRepository assessments,
      Clock clock) {
    this.attribution = Objects.requireNonNull(attribution, "attribution");
    this.dataSets = Objects.requireNonNull(dataSets, "dataSets");
    this.tips = Objects.requireNonNull(tips, "tips");
    this.assessments = Objects.requireNonNull(assessments, "assessments");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Enrichment with no data sets. */
  public static IpEnrichment withoutData(
      AttributionMode mode, TipRepository tips, AssessmentRepository assessments, Clock clock) {
    return new IpEnrichment(
        IpAttribution.builder(clock).mode(mode).build(),
        describe(mode, List.of()),
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

  /** Assesses the agency's tip and stores the result; false when the tip is not the agency's. */
  public boolean assess(AgencyId agency, TipId id) {
    Optional<Tip> tip = tips.find(agency, id);
    if (tip.isEmpty()) {
      return false;
    }
    List<IpEventAssessment> result =
        attribution.assess(
            tip.get().report(), EventContext.of(tip.get().report().cybertipReportId()));
    return assessments.replace(agency, id, dataSets, clock.instant(), result);
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
