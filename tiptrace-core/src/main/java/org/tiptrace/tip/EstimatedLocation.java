package org.tiptrace.tip;

import java.util.Optional;

/** The ESP's estimate of a user's location. Used for jurisdiction only, never to find a home. */
public record EstimatedLocation(
    Optional<String> city,
    Optional<String> region,
    Optional<String> countryCode,
    TriState verified,
    Optional<ReportedTime> timestamp) {}
