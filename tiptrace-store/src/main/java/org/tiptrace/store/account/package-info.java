/** JDBC implementation of {@link org.tiptrace.account.AccountRepository} (V7 tables). */
@NullMarked
package org.tiptrace.store.account;

import org.jspecify.annotations.NullMarked;
