package org.tiptrace.app.queue;

import java.util.Objects;
import org.tiptrace.app.intake.TipStep;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * The linking and triage step of ingest, after IP attribution (and hash matching when present):
 * links the tip against the stored state and scores it and the tips the link changed.
 */
public final class LinkTriageStep implements TipStep {
  private final LinkTriageService service;

  public LinkTriageStep(LinkTriageService service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  @Override
  public void changed(AgencyId agency, TipId tip) {
    service.tipChanged(agency, tip);
  }

  @Override
  public void seenAgain(AgencyId agency, TipId tip) {
    service.tipSeenAgain(agency, tip);
  }
}
