/**
 * Versioned rule sets kept in the database: the triage rules ({@link
 * org.tiptrace.triage.TriageRules}) and the file-viewing gate's rules ({@link
 * org.tiptrace.legal.GateRuleSet}), each as the YAML bytes an administrator submitted, with their
 * SHA-256, who submitted them, when, why, and which version is active.
 *
 * <p>In: submitted YAML bytes and a change note. {@link org.tiptrace.rules.RuleCheck} validates
 * them with the real parser of their kind and names each problem's line and reason. Out: {@link
 * org.tiptrace.rules.StoredRuleSet}s through the port {@link org.tiptrace.rules.RuleSetRepository}
 * (implemented by the store), and {@link org.tiptrace.rules.LineDiff} between two versions. Nothing
 * here gives legal advice: the gate's rules are data counsel reviews.
 */
@NullMarked
package org.tiptrace.rules;

import org.jspecify.annotations.NullMarked;
