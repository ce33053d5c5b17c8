package org.tiptrace.evidence;

import org.tiptrace.tip.ReportedFile;

/**
 * A file of a tip with the name Tiptrace gives it.
 *
 * @param index its position in the report's files (0-based)
 */
public record TipFile(FileRef ref, int index, ReportedFile file) {}
