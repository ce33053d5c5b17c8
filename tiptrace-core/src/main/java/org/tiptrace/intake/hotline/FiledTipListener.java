package org.tiptrace.intake.hotline;

import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * Work on the tip a hotline finish filed (IP attribution, later hash matching and triage), run
 * after the report and its files are in the tip and before the report is marked FINISHED. Must be
 * idempotent: a finish resumed after a crash runs it again.
 */
@FunctionalInterface
public interface FiledTipListener {
  void filed(AgencyId agency, TipId tip);
}
