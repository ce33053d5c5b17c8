/**
 * {@link org.tiptrace.job.JobRepository} over the V13 {@code job} table: background jobs that
 * outlive the process. Same SQL on H2 and PostgreSQL.
 */
@NullMarked
package org.tiptrace.store.job;

import org.jspecify.annotations.NullMarked;
