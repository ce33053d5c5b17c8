package org.tiptrace.account;

import java.time.Instant;
import java.util.Optional;

/**
 * Recent failed sign-ins per key ({@code user:alice}, {@code addr:192.0.2.1}), kept where every
 * instance of the app sees them (the database), so a restart or a second instance does not reset
 * the login throttle. Policy (thresholds, delays) is the caller's; this only counts.
 */
public interface LoginFailures {

  /** A key's count of failures and the instant of the last one. */
  record Count(int failures, Instant last) {}

  Optional<Count> find(String key);

  /**
   * Adds one failure at {@code now}, atomically across instances: the count restarts at 1 when the
   * last failure was at or before {@code forgetBefore}.
   *
   * @return the count after this failure
   */
  Count add(String key, Instant now, Instant forgetBefore);

  void clear(String key);

  /** Removes every key whose last failure was at or before {@code before}; returns how many. */
  int purge(Instant before);
}
