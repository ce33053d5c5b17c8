/**
 * Subjects as one agency may see them ({@code GET /api/v1/subjects/{id}}), manual splits and
 * merges, and deconfliction holds ({@code POST /api/v1/holds}), on the persisted link state.
 */
@NullMarked
package org.tiptrace.app.subjects;

import org.jspecify.annotations.NullMarked;
