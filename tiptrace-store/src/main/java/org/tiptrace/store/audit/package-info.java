/**
 * The audit log in tables {@code audit_entry} and {@code audit_head} (migration V3): core's {@link
 * org.tiptrace.audit.AuditLog} port over JDBC, for H2 and PostgreSQL.
 */
@NullMarked
package org.tiptrace.store.audit;

import org.jspecify.annotations.NullMarked;
