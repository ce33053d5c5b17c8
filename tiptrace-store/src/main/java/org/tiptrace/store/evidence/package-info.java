/**
 * JDBC implementations of the evidence ports ({@link org.tiptrace.evidence.WarrantRepository},
 * {@link org.tiptrace.evidence.FileContentRepository}) over the V8 tables; the same SQL on H2 2.x
 * and PostgreSQL. Every statement is scoped by agency; another agency's tip looks absent.
 */
@NullMarked
package org.tiptrace.store.evidence;

import org.jspecify.annotations.NullMarked;
