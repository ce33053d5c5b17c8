/**
 * Intake of batches of documents, shared by the CLI and the HTTP API: ordering ({@code report}
 * before {@code fileDetails}), the per-document result shape, and {@code POST /api/v1/intake}.
 * Parsing and storage stay in core's {@link org.tiptrace.intake.Intake}.
 */
@NullMarked
package org.tiptrace.app.intake;

import org.jspecify.annotations.NullMarked;
