/**
 * The Tiptrace application: the picocli CLI ({@code cli}), the HTTP API and web pages ({@code
 * intake}, {@code tips}, {@code web}) and their security and wiring ({@code system}).
 *
 * <p>Entry point: {@link org.tiptrace.app.TiptraceMain}. Non-web commands build core objects
 * directly and never start Spring; {@code serve} and {@code demo} start {@link
 * org.tiptrace.app.TiptraceWebApp}.
 */
@NullMarked
package org.tiptrace.app;

import org.jspecify.annotations.NullMarked;
