/**
 * Persistent, incremental linking and triage: {@link org.tiptrace.app.queue.LinkTriageService}
 * links each new tip against the stored state, stores the changed subjects and re-scores the tips
 * whose signals changed; {@link org.tiptrace.app.queue.LinkTriageStep} runs it on ingest.
 */
@NullMarked
package org.tiptrace.app.queue;

import org.jspecify.annotations.NullMarked;
