package org.tiptrace.app.ip;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.tiptrace.app.intake.IpEnrichment;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipQuery;
import org.tiptrace.tip.TipRepository;
import org.tiptrace.tip.TipSummary;

/**
 * Re-assesses an agency's stored tips with the current IP data: the CLI's {@code ip reassess} and
 * the web app's background job. By default only tips whose stored result was computed with other
 * data sets (or never) are done; {@code all} does every tip, e.g. to move retention signals on.
 */
public final class Reassessment {
  private final TipRepository tips;
  private final AssessmentRepository stored;
  private final IpEnrichment enrichment;
  private final Consumer<List<TipId>> rescore;

  /**
   * @param rescore told, once at the end of a run, the tips whose attribution or routing changed:
   *     their triage reads those signals, so they are scored again (linking and triage's {@code
   *     rescore})
   */
  public Reassessment(
      TipRepository tips,
      AssessmentRepository stored,
      IpEnrichment enrichment,
      Consumer<List<TipId>> rescore) {
    this.tips = Objects.requireNonNull(tips, "tips");
    this.stored = Objects.requireNonNull(stored, "stored");
    this.enrichment = Objects.requireNonNull(enrichment, "enrichment");
    this.rescore = Objects.requireNonNull(rescore, "rescore");
  }

  /** Told after each tip. */
  @FunctionalInterface
  public interface Listener {
    void progress(int done, int total, TipId tip);
  }

  /**
   * @param tips the agency's tips
   * @param reassessed tips assessed again (the others were already current)
   * @param changed tips whose assessments or routing differ from before (or had none)
   * @param dataSets what they were assessed with
   */
  public record Summary(int tips, int reassessed, int changed, String dataSets) {}

  /** Runs over every tip of the agency, oldest first, with one configuration for the whole run. */
  public Summary run(AgencyId agency, boolean all, Listener listener) {
    IpEnrichment.Configured with = enrichment.current();
    List<TipId> ids = ids(agency);
    int reassessed = 0;
    List<TipId> changed = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      TipId id = ids.get(i);
      boolean current =
          !all
              && stored
                  .find(agency, id)
                  .map(s -> s.dataSets().equals(with.dataSets()) && s.routing().isPresent())
                  .orElse(false);
      if (!current) {
        IpEnrichment.Reassessed r = enrichment.reassess(agency, id, with);
        if (r != IpEnrichment.Reassessed.NOT_FOUND) {
          reassessed++;
        }
        if (r == IpEnrichment.Reassessed.CHANGED) {
          changed.add(id);
        }
      }
      listener.progress(i + 1, ids.size(), id);
    }
    if (!changed.isEmpty()) {
      rescore.accept(List.copyOf(changed));
    }
    return new Summary(ids.size(), reassessed, changed.size(), with.dataSets());
  }

  private List<TipId> ids(AgencyId agency) {
    List<TipId> out = new ArrayList<>();
    int offset = 0;
    while (true) {
      Page<TipSummary> page = tips.list(agency, new TipQuery(offset, TipQuery.MAX_LIMIT));
      page.items().forEach(s -> out.add(s.id()));
      offset += page.items().size();
      if (page.items().isEmpty() || offset >= page.total()) {
        break;
      }
    }
    out.sort((a, b) -> Long.compare(a.value(), b.value()));
    return out;
  }
}
