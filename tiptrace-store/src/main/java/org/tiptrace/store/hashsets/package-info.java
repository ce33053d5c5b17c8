/**
 * Hash sets in JDBC ({@code V5__hash_sets.sql}): {@link
 * org.tiptrace.store.hashsets.JdbcHashSetRepository} implements core's {@code HashSetRepository},
 * and {@link org.tiptrace.store.hashsets.NsrlSqliteReader} reads NIST NSRL RDS v3 SQLite files
 * (core may not use JDBC).
 */
@NullMarked
package org.tiptrace.store.hashsets;

import org.jspecify.annotations.NullMarked;
