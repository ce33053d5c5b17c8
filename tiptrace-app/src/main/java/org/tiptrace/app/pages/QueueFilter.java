package org.tiptrace.app.pages;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.triage.Tier;
import org.tiptrace.triage.TriageStore.QueueQuery;

/**
 * The queue page's filters, checked at the edge: a bad value answers 400 naming the parameter.
 *
 * @param withinDays attribution deadline at most this many days from now (tips without a deadline
 *     are left out when set)
 * @param country an ISO country code the tip points to
 * @param flag a report annotation ({@code sextortion}, ...) or {@code highPriority}
 */
record QueueFilter(
    Optional<Tier> tier,
    OptionalInt withinDays,
    Optional<String> country,
    Optional<String> flag,
    int page) {
  static final int PAGE_SIZE = 25;

  static QueueFilter parse(String tier, String days, String country, String flag, String page) {
    return new QueueFilter(
        blank(tier).map(QueueFilter::tier),
        blank(days)
            .map(d -> OptionalInt.of(number("days", d, 1, 3650)))
            .orElse(OptionalInt.empty()),
        blank(country).map(QueueFilter::country),
        blank(flag).map(QueueFilter::flag),
        blank(page).map(p -> number("page", p, 0, 1_000_000)).orElse(0));
  }

  /**
   * The store query for this filter's page: "due within N days" is a deadline at or before {@code
   * now} plus N days (tips without a deadline are left out).
   */
  QueueQuery query(Instant now) {
    return new QueueQuery(
        tier.map(Set::of).orElse(Set.of()),
        false,
        withinDays.isPresent()
            ? Optional.of(now.plus(Duration.ofDays(withinDays.getAsInt())))
            : Optional.empty(),
        country,
        flag,
        page * PAGE_SIZE,
        PAGE_SIZE);
  }

  /** The filters as query parameters, for links to other pages of the same list. */
  String query(int otherPage) {
    StringBuilder q = new StringBuilder("?page=" + otherPage);
    tier.ifPresent(t -> q.append("&tier=").append(t.name()));
    withinDays.ifPresent(d -> q.append("&days=").append(d));
    country.ifPresent(c -> q.append("&country=").append(c));
    flag.ifPresent(f -> q.append("&flag=").append(f));
    return q.toString();
  }

  private static Optional<String> blank(String value) {
    return value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static Tier tier(String value) {
    try {
      return Tier.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad("tier", value, "one of TIER_1..TIER_4, INFORMATIONAL");
    }
  }

  private static String country(String value) {
    if (!value.matches("[A-Za-z]{2,3}")) {
      throw bad("country", value, "a 2 or 3 letter country code");
    }
    return value.toUpperCase(Locale.ROOT);
  }

  private static String flag(String value) {
    if (!value.matches("[A-Za-z]{1,40}")) {
      throw bad("flag", value, "a report annotation such as sextortion, or highPriority");
    }
    return value;
  }

  private static int number(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(name, value, "a whole number " + min + ".." + max);
  }

  private static ResponseStatusException bad(String name, String value, String expected) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return new ResponseStatusException(
        HttpStatus.BAD_REQUEST, "filter " + name + "='" + shown + "': expected " + expected);
  }
}
