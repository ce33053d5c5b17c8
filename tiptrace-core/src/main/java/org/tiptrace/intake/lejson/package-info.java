/**
 * The law-enforcement JSON download of a CyberTipline report
 * (shared/reference/cybertip-le-json.md): its reader and its writer.
 *
 * <p>In: the document's bytes (UTF-8, with or without a byte-order mark), a {@link
 * org.tiptrace.intake.ParseMode} and {@link org.tiptrace.intake.IntakeLimits}. Out: a {@link
 * org.tiptrace.intake.ParseResult} holding a {@link org.tiptrace.tip.Report} of format {@code
 * LE_JSON} and its warnings, or a rejection whose every {@link org.tiptrace.intake.Problem} names
 * the JSON pointer and, where known, the line and column. {@link
 * org.tiptrace.intake.lejson.LeJsonWriter} goes the other way, for synthetic data, demos and
 * round-trip tests.
 *
 * <p>The package owns the knowledge of the layout (key names, wrappers such as {@code
 * emails.emails}, capture types) and of its null semantics; the model in {@code org.tiptrace.tip}
 * stays format-neutral. Everything but the two public classes is package-private.
 */
@NullMarked
package org.tiptrace.intake.lejson;

import org.jspecify.annotations.NullMarked;
