/**
 * The investigator pages: the work queue ({@code /queue}), attribution deadlines ({@code
 * /deadlines}), the subject graph ({@code /tips/{id}/graph}, {@code /subjects/{id}/graph} and its
 * JSON, also {@code GET /api/v1/tips/{id}/graph}), the dashboard ({@code /dashboard}) and the
 * read-only administration overview ({@code /admin}).
 *
 * <p>In: the current user's agency (never a request parameter). The queue comes through one
 * interface, {@link org.tiptrace.app.pages.InvestigatorQueue}, read from the persisted triage
 * ({@code TriageStore}, kept by {@code LinkTriageService}); the score explanation shows the stored
 * result. Everything else reads the agency's stored tips and IP assessments through {@link
 * org.tiptrace.app.pages.AgencyData}. Every view of tip data is recorded in the audit log before it
 * is read.
 */
@NullMarked
package org.tiptrace.app.pages;

import org.jspecify.annotations.NullMarked;
