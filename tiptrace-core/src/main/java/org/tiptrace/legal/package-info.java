/**
 * Legal rules as versioned, cited data (shared/reference/legal-rules.md §0). Today: the
 * file-viewing gate's rule set, {@code viewing-gate-rules.yaml}, loaded and validated by {@link
 * org.tiptrace.legal.GateRuleSet}; the gate itself is {@link org.tiptrace.evidence.ViewingGate}.
 *
 * <p>In: a YAML rule file (the bundled one or an agency's copy). Out: an immutable rule set whose
 * every rule has an id, its citations and the set's version and effective date. Nothing here gives
 * legal advice: decision texts say they apply the configured rule set.
 */
@NullMarked
package org.tiptrace.legal;

import org.jspecify.annotations.NullMarked;
