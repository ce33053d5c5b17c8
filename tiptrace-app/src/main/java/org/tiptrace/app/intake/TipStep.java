package org.tiptrace.app.intake;

import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * Work done on a tip after intake stored it: IP attribution, hash matching, linking, triage. Steps
 * run in the order {@link TipSteps} lists them, because later ones read what earlier ones stored
 * (triage reads the matches and the attribution).
 */
public interface TipStep {

  /** The tip was created, or a file was attached to it: (re)compute and store. */
  void changed(AgencyId agency, TipId tip);

  /**
   * The same document came again (a duplicate): compute only what was never stored, so a crash
   * between intake and this step is repaired by ingesting again.
   */
  void seenAgain(AgencyId agency, TipId tip);
}
