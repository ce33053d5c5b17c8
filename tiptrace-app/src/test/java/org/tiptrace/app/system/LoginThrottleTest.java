package org.tiptrace.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.testing.InMemoryBackend;

class LoginThrottleTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  /** A clock the test moves. */
  private static final class Moving extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final SecuritySettings.Throttle SETTINGS =
      new SecuritySettings.Throttle(
          3, 5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(4));

  private final Moving clock = new Moving();
  private final InMemoryBackend backend = new InMemoryBackend();
  private final LoginThrottle throttle =
      new LoginThrottle(SETTINGS, backend.loginFailures(), clock);

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  @Test
  void aSecondInstanceOnTheSameDatabaseSeesTheCountsAndAddsToThem() {
    LoginThrottle other = new LoginThrottle(SETTINGS, backend.loginFailures(), clock);
    throttle.failed("dee", "192.0.2.20");
    other.failed("dee", "192.0.2.21");
    assertThat(throttle.blockedUntil("dee", "192.0.2.22")).isEmpty();
    throttle.failed("dee", "192.0.2.20");
    assertThat(other.blockedUntil("dee", "192.0.2.22")).contains(T0.plusSeconds(30));
    other.succeeded("dee");
    assertThat(throttle.blockedUntil("dee", "192.0.2.22")).isEmpty();
  }

  @Test
  void theUserWaitsAfterTheThresholdAndTheDelayDoubles() {
    throttle.failed("Ann", "192.0.2.1");
    throttle.failed("ann", "192.0.2.1");
    assertThat(throttle.blockedUntil("ann", "192.0.2.1")).isEmpty();
    throttle.failed("ann", "192.0.2.1");
    assertThat(throttle.blockedUntil("ANN", "192.0.2.9")).contains(T0.plusSeconds(30));

    clock.now = T0.plusSeconds(30);
    assertThat(throttle.blockedUntil("ann", "192.0.2.1")).isEmpty();
    throttle.failed("ann", "192.0.2.1");
    assertThat(throttle.blockedUntil("ann", "192.0.2.1")).contains(T0.plusSeconds(30 + 60));
    clock.now = T0.plusSeconds(90);
    for (int i = 0; i < 5; i++) {
      throttle.failed("ann", "192.0.2.1");
    }
    assertThat(throttle.blockedUntil("ann", "192.0.2.1"))
        .as("capped at max-delay")
        .contains(T0.plusSeconds(90).plus(Duration.ofMinutes(4)));
  }

  @Test
  void aSuccessClearsTheUserButNotTheAddress() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user" + i, "198.51.100.7");
    }
    assertThat(throttle.addressBlockedUntil("198.51.100.7")).contains(T0.plusSeconds(30));
    assertThat(throttle.blockedUntil("someone-else", "198.51.100.7")).isPresent();
    assertThat(throttle.blockedUntil("someone-else", "198.51.100.8")).isEmpty();

    throttle.failed("bo", "203.0.113.1");
    throttle.failed("bo", "203.0.113.1");
    throttle.failed("bo", "203.0.113.1");
    throttle.succeeded("bo");
    assertThat(throttle.blockedUntil("bo", "203.0.113.2")).isEmpty();
  }

  @Test
  void failuresAreForgottenAfterTheWindow() {
    throttle.failed("cy", "192.0.2.3");
    throttle.failed("cy", "192.0.2.3");
    clock.now = T0.plus(Duration.ofMinutes(20));
    throttle.failed("cy", "192.0.2.3");
    assertThat(throttle.blockedUntil("cy", "192.0.2.4")).isEmpty();
  }
}
