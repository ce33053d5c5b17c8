/**
 * Background jobs as records that outlive the process: what was asked (kind, agency, owner,
 * parameters), how far it got (phase, done of total, counters) and how it ended (state, message).
 *
 * <p>Port: {@link org.tiptrace.job.JobRepository}, implemented by tiptrace-store (V13 {@code job}
 * table). The app runs the jobs (hash-set imports and removals, IP re-assessments) and writes each
 * change of state through the port; a job still {@link org.tiptrace.job.JobState#QUEUED} or {@link
 * org.tiptrace.job.JobState#RUNNING} when the process stopped is marked {@link
 * org.tiptrace.job.JobState#INTERRUPTED} at the next start. Jobs belong to an agency; every read is
 * scoped by it.
 */
@NullMarked
package org.tiptrace.job;

import org.jspecify.annotations.NullMarked;
