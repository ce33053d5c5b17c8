package org.tiptrace.evidence;

import org.tiptrace.tip.Tip;

/** Looks up a tip's {@link GateFacts}; {@link #UNKNOWN} knows nothing (the strict default). */
@FunctionalInterface
public interface GateFactsSource {
  GateFactsSource UNKNOWN = tip -> GateFacts.unknown();

  GateFacts facts(Tip tip);
}
