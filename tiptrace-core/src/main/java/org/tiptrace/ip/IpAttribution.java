package org.tiptrace.ip;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tiptrace.tip.EstimatedLocation;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedUser;

/**
 * The IP attribution stage: from an IP capture to a classified, enriched event with a retention
 * deadline, an ISP request when attributable, and a jurisdiction route.
 *
 * <p>Immutable and thread-safe once built; data sets are loaded outside ({@link MmdbDatabase#open},
 * {@link CsvRangeDatabase#load}, {@link TorExitList#parse}, {@link VpnList#parse}, {@link
 * RetentionTable#load}, {@link JurisdictionTable#load}) and handed to the {@link Builder}. Time
 * comes from the builder's {@link Clock}. A data set not configured makes the matching rule "not
 * checked" in every result, never "no match".
 *
 * <p>Geolocation is used for jurisdiction only, never to locate a household or a person. Retention
 * deadlines are estimates, not legal advice.
 */
public final class IpAttribution {
  private final Clock clock;
  private final Enricher enricher;
  private final Classifier classifier;
  private final JurisdictionTable jurisdiction;

  private IpAttribution(Builder b) {
    this.clock = b.clock;
    this.enricher = new Enricher(b.sources);
    this.jurisdiction = b.jurisdiction;
    this.classifier =
        new Classifier(
            b.mode,
            SpecialRanges.bundled(),
            enricher,
            b.torExits,
            b.torToleranceDays,
            b.vpnLists,
            b.retention,
            b.preserveMargin.orElse(b.retention.preserveMargin()),
            b.sharedWindow,
            b.sharedThreshold);
  }

  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /** Enriches one address (any literal form); empty when it does not parse. */
  public Optional<Enrichment> enrich(String ipText) {
    return IpAddresses.parse(ipText).map(a -> enricher.enrich(IpAddresses.format(a), a));
  }

  /** Assesses one capture at the builder clock's current instant. */
  public IpEventAssessment assess(IpCaptureEvent event, EventContext context) {
    return classifier.assess(event, context, clock.instant());
  }

  /**
   * Assesses every capture of every user of a report. The report id comes from the report; the
   * account key of each user is {@code espIdentifier}, else {@code screenName}.
   */
  public List<IpEventAssessment> assess(Report report, EventContext context) {
    EventContext base =
        report.cybertipReportId().isPresent()
            ? new EventContext(
                report.cybertipReportId(),
                context.zoneRegion(),
                context.clockFormat(),
                context.destination(),
                context.account(),
                context.sightings())
            : context;
    List<IpEventAssessment> out = new ArrayList<>();
    for (ReportedUser u : report.allUsers()) {
      Optional<String> account = u.espIdentifier().or(u::screenName);
      EventContext ctx = account.map(base::withAccount).orElse(base);
      for (IpCaptureEvent e : u.ipCaptureEvents()) {
        out.add(classifier.assess(e, ctx, clock.instant()));
      }
    }
    return out;
  }

  /** The ISP request for an attributable capture; empty for any other status. */
  public static Optional<IspRequest> request(IpEventAssessment a) {
    if (a.status() != AttributionStatus.ATTRIBUTABLE
        || a.ip().isEmpty()
        || a.time().instant().isEmpty()) {
      return Optional.empty();
    }
    List<String> ask =
        new ArrayList<>(
            List.of(
                "subscriber name",
                "service and billing address",
                "telephone",
                "email",
                "account number",
                "service start date",
                "lease start and end for the address at that instant",
                "modem/CPE MAC address"));
    if (a.ipVersion() == 6) {
      ask.add("the delegated prefix " + a.delegatedPrefix().orElse("?") + " and its subscriber");
    }
    return Optional.of(
        new IspRequest(
            a.ip().get(),
            a.port(),
            a.time().instantUtcText().orElseThrow(),
            a.time().raw().orElse(""),
            a.time().statedZone(),
            a.destination(),
            a.reportId(),
            a.delegatedPrefix(),
            a.isp().map(IspProfile::name).orElse("unknown"),
            a.enrichment().flatMap(Enrichment::asn),
            ask));
  }

  /**
   * Picks the receiving agency from the enrichments of a tip's captures and the ESP's estimate;
   * unknown or conflicting locations go to review. Jurisdiction only.
   */
  public RoutingDecision route(List<Enrichment> enrichments, List<EstimatedLocation> esp) {
    return jurisdiction.route(enrichments, esp);
  }

  /**
   * Routes a report from its assessed captures and the reported users' {@code estimatedLocation}.
   * Captures that are Tor exits, VPN/hosting, invalid or non-routable say nothing about where the
   * user is and are left out.
   */
  public RoutingDecision route(Report report, List<IpEventAssessment> assessments) {
    List<Enrichment> located =
        assessments.stream()
            .filter(
                a ->
                    a.status() != AttributionStatus.TOR_EXIT
                        && a.status() != AttributionStatus.VPN_OR_HOSTING)
            .flatMap(a -> a.enrichment().stream())
            .toList();
    List<EstimatedLocation> esp =
        report.reportedUsers().stream().flatMap(u -> u.estimatedLocation().stream()).toList();
    return jurisdiction.route(located, esp);
  }

  /** Configuration; every data set is optional except the retention and routing tables. */
  public static final class Builder {
    private final Clock clock;
    private AttributionMode mode = AttributionMode.PRODUCTION;
    private final List<EnrichmentSource> sources = new ArrayList<>();
    private TorExitList torExits = TorExitList.empty();
    private int torToleranceDays = 1;
    private final List<VpnList> vpnLists = new ArrayList<>();
    private RetentionTable retention = RetentionTable.bundled();
    private JurisdictionTable jurisdiction = JurisdictionTable.bundled();
    private Optional<Duration> preserveMargin = Optional.empty();
    private Duration sharedWindow = Duration.ofHours(1);
    private int sharedThreshold = 5;

    private Builder(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Builder mode(AttributionMode m) {
      this.mode = m;
      return this;
    }

    /** Adds a data source; earlier sources win per field. */
    public Builder source(EnrichmentSource s) {
      sources.add(s);
      return this;
    }

    public Builder torExits(TorExitList list) {
      this.torExits = list;
      return this;
    }

    /** Days either side of the event date an exit listing counts (default 1). */
    public Builder torToleranceDays(int days) {
      if (days < 0 || days > 3) {
        throw new IllegalArgumentException("torToleranceDays must be 0..3, was " + days);
      }
      this.torToleranceDays = days;
      return this;
    }

    public Builder vpnList(VpnList list) {
      vpnLists.add(list);
      return this;
    }

    public Builder retention(RetentionTable table) {
      this.retention = table;
      return this;
    }

    public Builder jurisdiction(JurisdictionTable table) {
      this.jurisdiction = table;
      return this;
    }

    /** Overrides the table's margin below which PRESERVE_NOW is signalled. */
    public Builder preserveMargin(Duration margin) {
      if (margin.isNegative()) {
        throw new IllegalArgumentException("preserveMargin must not be negative, was " + margin);
      }
      this.preserveMargin = Optional.of(margin);
      return this;
    }

    /**
     * SHARED_NET: window either side of the event and distinct-account threshold (default 1 h, 5).
     */
    public Builder sharedNetwork(Duration window, int threshold) {
      if (window.isNegative() || threshold < 2) {
        throw new IllegalArgumentException(
            "sharedNetwork needs a window >= 0 and threshold >= 2, was "
                + window
                + ", "
                + threshold);
      }
      this.sharedWindow = window;
      this.sharedThreshold = threshold;
      return this;
    }

    public IpAttribution build() {
      return new IpAttribution(this);
    }
  }
}
