/**
 * Known-hash sets and the matching of tips against them.
 *
 * <p>In: hash-set files, read by one {@link org.tiptrace.hash.sets.HashSetReader} per {@link
 * org.tiptrace.hash.sets.HashSetFormat} (VICS JSON, hashdeep and CSV here; NSRL RDS v3 SQLite in
 * tiptrace-store, because it needs JDBC), streamed entry by entry into a {@link
 * org.tiptrace.hash.sets.HashEntrySink}; stored through the {@link
 * org.tiptrace.hash.sets.HashSetRepository} port. Out: from {@link
 * org.tiptrace.hash.sets.HashMatcher#match}, per reported file the matches (set, version, category,
 * series, victim identified, method, PDQ distance) and a {@link org.tiptrace.hash.sets.FileVerdict}
 * that triage reads. Formats follow {@code shared/reference/hash-sets-and-forensics.md}. Only
 * hashes are handled, never file contents.
 */
@NullMarked
package org.tiptrace.hash.sets;

import org.jspecify.annotations.NullMarked;
