/**
 * The audit log: an append-only, hash-chained record of logins, views of sensitive data and
 * changes.
 *
 * <p>In: {@link org.tiptrace.audit.AuditEvent}s (who, which agency, what, on which subject),
 * appended through the {@link org.tiptrace.audit.AuditLog} port, which stamps each with the next
 * sequence number, the time and the chain hash ({@link org.tiptrace.audit.AuditChain}). Out: the
 * {@link org.tiptrace.audit.AuditEntry}s in sequence order, and the {@link
 * org.tiptrace.audit.AuditVerifier}'s {@link org.tiptrace.audit.VerificationResult}, which names
 * the first entry that was edited, deleted, reordered or inserted.
 */
@NullMarked
package org.tiptrace.audit;

import org.jspecify.annotations.NullMarked;
