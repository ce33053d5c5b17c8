package org.tiptrace.app.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts failed logins (password, TOTP code, bearer token) per user name and per remote address,
 * and says until when the next attempt must wait.
 *
 * <p>Approach: a count and the time of the last failure per key, forgotten once the window has
 * passed since the last failure. At the threshold the delay is {@code firstDelay}, doubling with
 * each further failure up to {@code maxDelay}; a throttled attempt is refused before the password
 * is checked and does not count. The address threshold is higher than the user's: one office behind
 * one address must not lock itself out because one person mistypes, while spraying many names from
 * one address is still slowed. Kept in memory: a restart forgets it (the database keeps the
 * per-account failure count for the record).
 */
@org.springframework.stereotype.Component
public final class LoginThrottle {
  private record Failures(int count, Instant last) {}

  private final SecuritySettings.Throttle settings;
  private final Clock clock;
  private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

  @org.springframework.beans.factory.annotation.Autowired
  LoginThrottle(SecuritySettings settings, Clock clock) {
    this(settings.throttle(), clock);
  }

  public LoginThrottle(SecuritySettings.Throttle settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Until when an attempt for {@code username} from {@code address} must wait, or empty. */
  public Optional<Instant> blockedUntil(String username, String address) {
    Optional<Instant> user = until(userKey(username), settings.userFailures());
    Optional<Instant> addr = until(addressKey(address), settings.addressFailures());
    if (user.isPresent() && addr.isPresent()) {
      return Optional.of(user.get().isAfter(addr.get()) ? user.get() : addr.get());
    }
    return user.or(() -> addr);
  }

  /** Until when an attempt from {@code address} (whatever the name) must wait, or empty. */
  public Optional<Instant> addressBlockedUntil(String address) {
    return until(addressKey(address), settings.addressFailures());
  }

  public void failed(String username, String address) {
    add(userKey(username));
    add(addressKey(address));
  }

  public void addressFailed(String address) {
    add(addressKey(address));
  }

  public void succeeded(String username) {
    failures.remove(userKey(username));
  }

  private Optional<Instant> until(String key, int threshold) {
    Instant now = clock.instant();
    Failures f = failures.get(key);
    if (f == null || expired(f, now) || f.count() < threshold) {
      return Optional.empty();
    }
    Instant until = f.last().plus(delay(f.count() - threshold));
    return now.isBefore(until) ? Optional.of(until) : Optional.empty();
  }

  private Duration delay(int beyond) {
    Duration d = settings.firstDelay();
    for (int i = 0; i < beyond && d.compareTo(settings.maxDelay()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : d;
  }

  private void add(String key) {
    Instant now = clock.instant();
    failures.compute(
        key,
        (k, f) ->
            f == null || expired(f, now) ? new Failures(1, now) : new Failures(f.count() + 1, now));
    if (failures.size() > 100_000) {
      failures.entrySet().removeIf(e -> expired(e.getValue(), now));
    }
  }

  private boolean expired(Failures f, Instant now) {
    return !now.isBefore(f.last().plus(settings.window()).plus(settings.maxDelay()));
  }

  private static String userKey(String username) {
    return "user:" + username.toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "addr:" + address;
  }
}
