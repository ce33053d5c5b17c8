/**
 * The NCMEC ESP reporting XML format (shared/reference/cybertip-esp-xml.md): reading and writing
 * the {@code report} and {@code fileDetails} documents.
 *
 * <p>In: document bytes (UTF-8, a byte-order mark allowed) and a {@link
 * org.tiptrace.intake.ParseMode}. Out: {@link org.tiptrace.intake.espxml.EspXmlReader} returns a
 * {@link org.tiptrace.intake.ParseResult} (a {@link org.tiptrace.tip.Report}, or a report id and a
 * {@link org.tiptrace.tip.ReportedFile}, or a rejection), with {@link org.tiptrace.intake.Problem}s
 * naming source, line, column and element path; it never throws for bad input. {@link
 * org.tiptrace.intake.espxml.EspXmlWriter} turns the model back into strict, schema-ordered
 * documents for the synthetic data generator and the hotline API tests.
 *
 * <p>The package owns the element trees as data ({@code EspXmlSchema}: order, cardinality, the
 * country and state lists), the safe Woodstox configuration, and the mapping onto the model. It
 * does not decide what a tip means; that is for the later stages.
 */
@NullMarked
package org.tiptrace.intake.espxml;

import org.jspecify.annotations.NullMarked;
