/**
 * The store: JDBC persistence of the raw archive and of tips, on H2 (single user, the default) or
 * PostgreSQL.
 *
 * <p>Entry point: {@link org.tiptrace.store.Database}. In: a {@link
 * org.tiptrace.store.DatabaseConfig} (JDBC URL, user, password, pool size). Out: a migrated {@link
 * javax.sql.DataSource} and the implementations of the core's storage contracts, {@link
 * org.tiptrace.intake.RawArchive} and {@link org.tiptrace.tip.TipRepository}. Plain JDBC, no ORM;
 * every query is scoped by agency. The schema lives in {@code db/migration} (Flyway), one script
 * set for both databases.
 */
@NullMarked
package org.tiptrace.store;

import org.jspecify.annotations.NullMarked;
