/**
 * Intake: turns received documents into stored tips.
 *
 * <p>In: {@link org.tiptrace.intake.RawDocument} (bytes and a name). Out: {@link
 * org.tiptrace.intake.IntakeResult} per document (accepted, attached, duplicate or rejected with
 * {@link org.tiptrace.intake.Problem}s). The entry point is {@link org.tiptrace.intake.Intake}: it
 * archives the bytes first (nothing is lost), then parses with the reader for the detected format
 * ({@link org.tiptrace.intake.DocumentReaders}: {@code intake.espxml}, {@code intake.lejson}), then
 * stores through {@link org.tiptrace.tip.TipRepository}. Readers are pure: bytes in, values out.
 */
@NullMarked
package org.tiptrace.intake;

import org.jspecify.annotations.NullMarked;
