package org.tiptrace.ip;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The date after which an ISP's subscriber record for an event is likely gone. An estimate from the
 * retention table (not legal advice; not a promise by the ISP).
 *
 * @param likelyGoneAt event instant + retention days (exact, in UTC)
 * @param likelyGoneAfter the UTC date of {@link #likelyGoneAt}; the record is likely gone after it
 * @param remaining time left at evaluation (negative when past)
 * @param isp the retention row used
 * @param tableVersion the retention table version used
 */
public record RetentionDeadline(
    DeadlineSignal signal,
    Optional<Instant> likelyGoneAt,
    Optional<LocalDate> likelyGoneAfter,
    Optional<Duration> remaining,
    IspProfile isp,
    int tableVersion) {}
