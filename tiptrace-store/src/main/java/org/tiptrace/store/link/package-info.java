/**
 * JDBC implementation of {@link org.tiptrace.link.LinkStore} over the V6 tables: persons and
 * identifiers of linked tips, subjects with members, evidence and associations, manual decisions
 * and holds.
 */
@NullMarked
package org.tiptrace.store.link;

import org.jspecify.annotations.NullMarked;
