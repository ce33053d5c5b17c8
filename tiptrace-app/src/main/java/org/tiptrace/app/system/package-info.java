/**
 * Security and wiring: users and roles from configuration, the security filter chains, the
 * current-agency helper, and {@link org.tiptrace.app.system.TiptraceBackend}, the one place where
 * storage is opened.
 */
@NullMarked
package org.tiptrace.app.system;

import org.jspecify.annotations.NullMarked;
