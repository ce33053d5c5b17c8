package org.tiptrace.app.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.tiptrace.account.LoginFailures;

/**
 * Counts failed logins (password, TOTP code, bearer token) per user name and per remote address,
 * and says until when the next attempt must wait.
 *
 * <p>Approach: a count and the time of the last failure per key, forgotten once the window (plus
 * the longest delay) has passed since the last failure. At the threshold the delay is {@code
 * firstDelay}, doubling with each further failure up to {@code maxDelay}; a throttled attempt is
 * refused before the password is checked and does not count. The address threshold is higher than
 * the user's: one office behind one address must not lock itself out because one person mistypes,
 * while spraying many names from one address is still slowed. The counts live in the database
 * ({@link LoginFailures}, V10), so a restart does not forget them and every instance of the app
 * sees the same counts; each counted failure is one atomic update there.
 */
@org.springframework.stereotype.Component
public final class LoginThrottle {
  /** Old keys are purged once per this many counted failures of this instance. */
  private static final int PURGE_EVERY = 1_000;

  private final SecuritySettings.Throttle settings;
  private final LoginFailures failures;
  private final Clock clock;
  private final AtomicInteger sincePurge = new AtomicInteger();

  @org.springframework.beans.factory.annotation.Autowired
  LoginThrottle(SecuritySettings settings, TiptraceBackend backend, Clock clock) {
    this(settings.throttle(), backend.loginFailures(), clock);
  }

  public LoginThrottle(SecuritySettings.Throttle settings, LoginFailures failures, Clock clock) {
    this.settings = settings;
    this.failures = failures;
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
    failures.clear(userKey(username));
  }

  private Optional<Instant> until(String key, int threshold) {
    Instant now = clock.instant();
    Optional<LoginFailures.Count> found = failures.find(key);
    if (found.isEmpty() || expired(found.get(), now) || found.get().failures() < threshold) {
      return Optional.empty();
    }
    LoginFailures.Count f = found.get();
    Instant until = f.last().plus(delay(f.failures() - threshold));
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
    Instant forgetBefore = now.minus(memory());
    failures.add(key, now, forgetBefore);
    if (sincePurge.incrementAndGet() >= PURGE_EVERY) {
      sincePurge.set(0);
      failures.purge(forgetBefore);
    }
  }

  /** How long a failure is remembered after it happened. */
  private Duration memory() {
    return settings.window().plus(settings.maxDelay());
  }

  private boolean expired(LoginFailures.Count f, Instant now) {
    return !now.isBefore(f.last().plus(memory()));
  }

  private static String userKey(String username) {
    return "user:" + username.toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "addr:" + address;
  }
}
