/**
 * Reading tips: the agency-scoped query service, the tip API ({@code /api/v1/tips}), the tip pages
 * ({@code /}, {@code /tips/{id}}) and the readable facts view shared with the CLI.
 */
@NullMarked
package org.tiptrace.app.tips;

import org.jspecify.annotations.NullMarked;
