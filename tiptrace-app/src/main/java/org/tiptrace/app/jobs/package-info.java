/**
 * The web app's background jobs as stored records ({@link org.tiptrace.job.JobRepository}, V13):
 * {@link org.tiptrace.app.jobs.JobLedger} creates them, marks the ones a stopped process left
 * unfinished as INTERRUPTED, and hands each running job a {@link org.tiptrace.app.jobs.TrackedJob}
 * that writes its progress through. The pages and endpoints of hash-set and IP jobs read the stored
 * records, scoped by agency.
 */
@NullMarked
package org.tiptrace.app.jobs;

import org.jspecify.annotations.NullMarked;
