package org.tiptrace.tip;

import java.time.Instant;

/**
 * A stored tip: a report as received by one agency.
 *
 * @param source the SHA-256 of the archived document it was parsed from
 * @param receivedAt when Tiptrace received it
 */
public record Tip(TipId id, AgencyId agency, Sha256 source, Instant receivedAt, Report report) {}
