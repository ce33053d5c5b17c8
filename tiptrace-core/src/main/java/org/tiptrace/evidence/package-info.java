/**
 * Evidence: the file-viewing gate, warrant records and access to a file's bytes and EXIF.
 *
 * <p>Entry points: {@link org.tiptrace.evidence.ViewingGate#decide} (pure: tip, file, warrants and
 * the {@link org.tiptrace.legal.GateRuleSet} in, a {@link org.tiptrace.evidence.GateDecision} out)
 * and {@link org.tiptrace.evidence.EvidenceFiles}, the only way to a file's bytes or EXIF: it
 * decides first and hands out content only with an ALLOWED decision. Ports the store implements:
 * {@link org.tiptrace.evidence.WarrantRepository}, {@link
 * org.tiptrace.evidence.FileContentRepository}; bytes live in the {@link
 * org.tiptrace.intake.RawArchive} under their SHA-256.
 *
 * <p>Rules: shared/reference/legal-rules.md §3. Per file, not per report; unknown is never true;
 * NCMEC's viewing and hash matches do not open a file. Decisions apply the configured rule set and
 * are not legal advice.
 */
@NullMarked
package org.tiptrace.evidence;

import org.jspecify.annotations.NullMarked;
