/** JDBC implementation of {@link org.tiptrace.triage.TriageStore} over the V6 triage table. */
@NullMarked
package org.tiptrace.store.triage;

import org.jspecify.annotations.NullMarked;
