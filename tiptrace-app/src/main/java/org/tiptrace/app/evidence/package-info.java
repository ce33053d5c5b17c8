/**
 * The file-viewing gate on the web: per file gate state ({@code GET /api/v1/tips/{id}/files}, the
 * panel {@code GET /tips/{id}/files}), warrant records ({@code POST …/warrants}) and the gated
 * bytes and EXIF ({@code …/files/{fileId}/content}, {@code …/exif}). Everything goes through {@link
 * org.tiptrace.app.evidence.AgencyEvidence}: the current agency's tips only (another agency's →
 * 404), every decision and every view written to the audit log with its basis before anything is
 * returned.
 */
@NullMarked
package org.tiptrace.app.evidence;

import org.jspecify.annotations.NullMarked;
