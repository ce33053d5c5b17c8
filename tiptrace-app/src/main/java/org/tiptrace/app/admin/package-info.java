/**
 * Administration of accounts and agencies (decision 0016): the API under {@code /api/v1/admin} and
 * the pages under {@code /admin/users} and {@code /admin/agencies}. {@link
 * org.tiptrace.app.admin.AccountAdmin} holds the rules both share: an administrator manages the
 * users of their own agency only (another agency's user is 404), cannot take away their own
 * ADMINISTRATOR role or disable themselves, and every change is audited with before and after
 * (never a password or secret). Agencies are registered and renamed by the SYSTEM_ADMINISTRATOR
 * role, the one cross-agency act.
 */
@NullMarked
package org.tiptrace.app.admin;

import org.jspecify.annotations.NullMarked;
