package org.tiptrace.app.ip;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.tiptrace.app.intake.IpEnrichment;
import org.tiptrace.ip.AttributionMode;
import org.tiptrace.ip.InstalledDataSet;
import org.tiptrace.ip.IpAttribution;
import org.tiptrace.ip.IpDataRepository;
import org.tiptrace.ip.IpDataSets;
import org.tiptrace.ip.JurisdictionTable;

/**
 * The attribution stage built from the installed IP data sets ({@code tiptrace ipdata}). The list
 * of sets is read on every call and the sets are loaded again only when it changed (another name,
 * another SHA-256), so an import or a removal reaches a running web app with its next tip.
 *
 * <p>A stored set that no longer loads fails the call with the set's name: never assessing with
 * less data than installed without saying so.
 */
public final class InstalledIpData implements Supplier<IpEnrichment.Configured> {
  private final IpDataRepository repository;
  private final AttributionMode mode;
  private final JurisdictionTable routing;
  private final Clock clock;
  private volatile @Nullable Cached cached;

  private record Cached(Set<InstalledDataSet> sets, IpEnrichment.Configured configured) {}

  public InstalledIpData(
      IpDataRepository repository, AttributionMode mode, JurisdictionTable routing, Clock clock) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.routing = Objects.requireNonNull(routing, "routing");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public IpEnrichment.Configured get() {
    Set<InstalledDataSet> sets = Set.copyOf(repository.list());
    Cached c = cached;
    if (c != null && c.sets().equals(sets)) {
      return c.configured();
    }
    synchronized (this) {
      c = cached;
      if (c != null && c.sets().equals(sets)) {
        return c.configured();
      }
      IpDataSets.Loaded loaded;
      try {
        loaded = IpDataSets.load(repository);
      } catch (IpDataSets.InvalidDataFile e) {
        throw new IllegalStateException(
            "installed IP data cannot be loaded: "
                + e.getMessage()
                + " (remove it with 'tiptrace ipdata remove' or import it again)",
            e);
      }
      IpEnrichment.Configured configured =
          new IpEnrichment.Configured(
              loaded.addTo(IpAttribution.builder(clock).mode(mode).jurisdiction(routing)).build(),
              IpEnrichment.describe(
                  mode,
                  loaded.description().stream().map(d -> "installed " + d).toList(),
                  routing));
      // keyed by the list the sets were loaded from, so a change during loading reloads next time
      cached = new Cached(Set.copyOf(loaded.sets()), configured);
      return configured;
    }
  }
}
