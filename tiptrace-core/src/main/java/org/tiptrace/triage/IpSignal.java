package org.tiptrace.triage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The attribution of one IP capture event of a tip.
 *
 * @param ipAddress canonical text, as in the tip
 * @param deadline when the ISP's logs are expected to be gone (the request must be sent before)
 */
public record IpSignal(String ipAddress, AttributionStatus status, Optional<Instant> deadline) {
  public IpSignal {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(deadline, "deadline");
  }
}
