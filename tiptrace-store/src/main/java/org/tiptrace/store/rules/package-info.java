/**
 * JDBC implementation of core's {@link org.tiptrace.rules.RuleSetRepository} over the V11 table
 * {@code rule_set_version}.
 */
@NullMarked
package org.tiptrace.store.rules;

import org.jspecify.annotations.NullMarked;
