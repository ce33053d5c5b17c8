/**
 * Rule-set administration: the stored, versioned triage and viewing-gate rules ({@code
 * org.tiptrace.rules}), the active version every path applies ({@link
 * org.tiptrace.app.rules.ActiveRules}), submission and activation ({@link
 * org.tiptrace.app.rules.RuleSets}, shared by the CLI, the API and the pages), the re-scoring job
 * after a triage version is activated ({@link org.tiptrace.app.rules.RuleJobs}), {@code
 * /api/v1/rules/**} and {@code /admin/rules/**} (ADMINISTER, audited).
 */
@NullMarked
package org.tiptrace.app.rules;

import org.jspecify.annotations.NullMarked;
