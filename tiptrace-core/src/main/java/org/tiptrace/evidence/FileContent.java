package org.tiptrace.evidence;

import java.time.Instant;
import java.util.Optional;
import org.tiptrace.tip.Sha256;

/**
 * Where a file's bytes are: the raw archive entry {@link #sha256()} of the tip's agency.
 *
 * @param attachedBy who attached them (empty for hotline uploads)
 */
public record FileContent(
    FileRef file,
    Sha256 sha256,
    long size,
    ContentSource source,
    Optional<String> attachedBy,
    Optional<Instant> attachedAt) {}
