/**
 * Accounts: the people and machine clients who may sign in, their agency, roles, second factor and
 * API tokens.
 *
 * <p>In: {@link org.tiptrace.account.NewAccount}s and token digests; out: {@link
 * org.tiptrace.account.Account}s and {@link org.tiptrace.account.ApiToken}s. The {@link
 * org.tiptrace.account.AccountRepository} port is implemented by the store; the web app decides
 * what roles mean. No password, TOTP secret or token is ever part of a {@code toString}.
 */
@NullMarked
package org.tiptrace.account;

import org.jspecify.annotations.NullMarked;
