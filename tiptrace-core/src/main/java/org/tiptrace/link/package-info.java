/**
 * Linking: identifiers of every person in a tip, entity resolution into subjects, weak
 * associations, manual splits and merges, and deconfliction between agencies.
 *
 * <p>In: {@link org.tiptrace.tip.Tip}s, {@link org.tiptrace.link.ManualDecision}s and {@link
 * org.tiptrace.link.Hold}s. Out: {@link org.tiptrace.link.Subject}s with evidence, {@link
 * org.tiptrace.link.Association}s, {@link org.tiptrace.link.DeconflictionNotice}s and {@link
 * org.tiptrace.link.LinkSignals} for triage. The one entry point is {@link
 * org.tiptrace.link.Linker}: an in-memory state, incremental on ingest, that can always be rebuilt
 * from the tips and decisions with the same result.
 */
@NullMarked
package org.tiptrace.link;

import org.jspecify.annotations.NullMarked;
