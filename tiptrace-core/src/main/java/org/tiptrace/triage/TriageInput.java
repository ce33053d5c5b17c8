package org.tiptrace.triage;

import org.tiptrace.tip.Tip;

/** A tip and its signals: everything a score depends on besides the rules. */
public record TriageInput(Tip tip, TipSignals signals) {}
