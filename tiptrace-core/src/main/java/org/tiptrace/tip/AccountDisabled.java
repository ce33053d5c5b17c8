package org.tiptrace.tip;

import java.util.Optional;

/**
 * The {@code accountTemporarilyDisabled} / {@code accountPermanentlyDisabled} facts. A permanent
 * disablement has no re-enabled date; it stays absent.
 *
 * @param disabled the element's boolean content
 */
public record AccountDisabled(
    TriState disabled,
    Optional<ReportedTime> disabledDate,
    TriState userNotified,
    Optional<ReportedTime> userNotifiedDate,
    Optional<ReportedTime> reenabledDate) {}
