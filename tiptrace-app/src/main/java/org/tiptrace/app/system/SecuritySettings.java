package org.tiptrace.app.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tiptrace.security.*}.
 *
 * @param requireTotp every form login needs a TOTP code; accounts without one enrol at their next
 *     login. {@code tiptrace serve} and {@code demo} set it to true unless configured; the bare app
 *     (tests) defaults to false. Accounts with a secret always need their code.
 * @param issuer the issuer name authenticator apps show
 * @param throttle login throttling
 */
@ConfigurationProperties("tiptrace.security")
public record SecuritySettings(
    @DefaultValue("false") boolean requireTotp,
    @DefaultValue("Tiptrace") String issuer,
    @DefaultValue Throttle throttle) {

  public SecuritySettings {
    if (issuer.isBlank() || issuer.contains(":")) {
      throw new IllegalStateException(
          "tiptrace.security.issuer must be non-blank and without ':', was '" + issuer + "'");
    }
  }

  /**
   * Exponential back-off: after {@code userFailures} failures of one user name (or {@code
   * addressFailures} from one remote address) within {@code window}, each further attempt waits
   * {@code firstDelay}, doubled per further failure, at most {@code maxDelay}. A success clears the
   * user name's count.
   */
  public record Throttle(
      @DefaultValue("5") int userFailures,
      @DefaultValue("50") int addressFailures,
      @DefaultValue("15m") Duration window,
      @DefaultValue("30s") Duration firstDelay,
      @DefaultValue("15m") Duration maxDelay) {
    public Throttle {
      if (userFailures < 1 || addressFailures < 1) {
        throw new IllegalStateException(
            "tiptrace.security.throttle.user-failures and .address-failures must be >= 1, were "
                + userFailures
                + " and "
                + addressFailures);
      }
      if (window.isNegative()
          || window.isZero()
          || firstDelay.isNegative()
          || maxDelay.compareTo(firstDelay) < 0) {
        throw new IllegalStateException(
            "tiptrace.security.throttle: window must be positive and max-delay >= first-delay"
                + " (window="
                + window
                + ", first-delay="
                + firstDelay
                + ", max-delay="
                + maxDelay
                + ")");
      }
    }
  }
}
