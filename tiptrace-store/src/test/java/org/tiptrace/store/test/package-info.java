/**
 * Reusable test support of the store, shipped in its test-jar for the modules above it.
 *
 * <p>{@link org.tiptrace.store.test.TestBackend}: run one test on every database (H2 always,
 * PostgreSQL when {@code TIPTRACE_TEST_PG_URL} is set, else skipped with that reason), each run in
 * a database or schema of its own. {@link org.tiptrace.store.test.TestReports}: small {@link
 * org.tiptrace.tip.Report} values.
 */
@NullMarked
package org.tiptrace.store.test;

import org.jspecify.annotations.NullMarked;
