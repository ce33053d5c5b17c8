package org.tiptrace.intake.hotline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.TipId;

/**
 * One hotline report as stored (its XML is fetched separately).
 *
 * @param id the report id given at {@code /submit}: positive, from the store's sequence
 * @param platform the platform that opened it; no other platform may see it
 * @param state as stored: an OPEN report past its deadline is still OPEN here, see {@link
 *     #isExpiredAt}
 * @param openedAt when {@code /submit} opened it
 * @param lastChangeAt when it was opened, or last received an upload or fileinfo
 * @param version bumped by every change; state changes are compare-and-set on it
 * @param reportSha256 SHA-256 of the submitted {@code report} XML
 * @param tipId the tip it became (FINISHED only)
 * @param closedAt when it left OPEN
 */
public record HotlineReport(
    long id,
    Platform platform,
    ReportState state,
    Instant openedAt,
    Instant lastChangeAt,
    long version,
    Sha256 reportSha256,
    Optional<TipId> tipId,
    Optional<Instant> closedAt) {

  /** An unfinished report lives at least this long after it was opened. */
  public static final Duration OPEN_LIFETIME = Duration.ofHours(24);

  /** ... and at least this long after its last change. */
  public static final Duration IDLE_LIFETIME = Duration.ofHours(1);

  public HotlineReport {
    if (id <= 0) {
      throw new IllegalArgumentException("report id must be positive, was " + id);
    }
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(lastChangeAt, "lastChangeAt");
    Objects.requireNonNull(reportSha256, "reportSha256");
    Objects.requireNonNull(tipId, "tipId");
    Objects.requireNonNull(closedAt, "closedAt");
  }

  /**
   * When an unfinished report is deleted: 24 h after it was opened or 1 h after its last change,
   * whichever is later (cybertip-esp-xml.md §1).
   */
  public Instant expiresAt() {
    Instant byAge = openedAt.plus(OPEN_LIFETIME);
    Instant byIdle = lastChangeAt.plus(IDLE_LIFETIME);
    return byAge.isAfter(byIdle) ? byAge : byIdle;
  }

  /** An OPEN report expires at {@link #expiresAt()} exactly; closed reports never expire. */
  public boolean isExpiredAt(Instant now) {
    return state == ReportState.EXPIRED
        || (state == ReportState.OPEN && !now.isBefore(expiresAt()));
  }
}
