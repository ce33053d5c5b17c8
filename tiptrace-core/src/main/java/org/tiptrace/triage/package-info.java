/**
 * Triage: an explainable score, a tier and a queue position for every tip.
 *
 * <p>In: a {@link org.tiptrace.tip.Tip}, its {@link org.tiptrace.triage.TipSignals} (hash verdicts,
 * IP attribution, jurisdiction, {@link org.tiptrace.link.LinkSignals}) and a versioned {@link
 * org.tiptrace.triage.TriageRules} file. Out: a {@link org.tiptrace.triage.TriageResult} whose
 * explanation lines sum to its score, {@link org.tiptrace.triage.ReplayReport}s comparing rule
 * versions, and per-agency queues ({@link org.tiptrace.triage.TriageQueue}). The entry point is
 * {@link org.tiptrace.triage.Triage}; everything is a pure function.
 */
@NullMarked
package org.tiptrace.triage;

import org.jspecify.annotations.NullMarked;
