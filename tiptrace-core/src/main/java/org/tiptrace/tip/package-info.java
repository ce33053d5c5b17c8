/**
 * The normalised tip model: one set of immutable types onto which both the ESP reporting XML
 * ({@code report} + {@code fileDetails}) and the law-enforcement JSON download are mapped.
 *
 * <p>Conventions: optional values are {@link java.util.Optional}, repeatable ones are lists (empty,
 * never null); a three-valued answer is a {@link org.tiptrace.tip.TriState}, because an absent
 * {@code fileViewedByEsp} means "unknown", never "false". Times are {@link
 * org.tiptrace.tip.ReportedTime}: the original text is kept beside the instant, and a time without
 * a zone has no instant. NCMEC vocabularies are enums that know their wire spelling.
 */
@NullMarked
package org.tiptrace.tip;

import org.jspecify.annotations.NullMarked;
