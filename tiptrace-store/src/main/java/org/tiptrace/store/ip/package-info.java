/** The JDBC store of the IP attribution results ({@link org.tiptrace.ip.AssessmentRepository}). */
@NullMarked
package org.tiptrace.store.ip;

import org.jspecify.annotations.NullMarked;
