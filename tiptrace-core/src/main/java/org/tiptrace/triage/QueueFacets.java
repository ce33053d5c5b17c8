package org.tiptrace.triage;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.tiptrace.tip.Address;
import org.tiptrace.tip.Person;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.WireValue;

/**
 * What the investigator's queue filters a tip on besides its score: the countries the report points
 * to and its flags. Derived from the report alone, so the store can keep them next to the tip's
 * triage and filter in SQL.
 *
 * @param countries upper-case country codes named by the ESP's estimated locations and the persons'
 *     addresses; empty when none is reported, which is "unknown", not "none"
 * @param flags the report's annotations ({@code sextortion}, …) and {@code highPriority} when the
 *     ESP escalated it
 */
public record QueueFacets(Set<String> countries, Set<String> flags) {
  public QueueFacets {
    countries = Set.copyOf(countries);
    flags = Set.copyOf(flags);
  }

  public static QueueFacets of(Report report) {
    Set<String> countries = new TreeSet<>();
    for (ReportedUser u : report.allUsers()) {
      u.estimatedLocation().flatMap(l -> l.countryCode()).ifPresent(c -> countries.add(code(c)));
      for (Address a : u.person().map(Person::addresses).orElse(List.of())) {
        a.country().ifPresent(c -> countries.add(code(c)));
      }
    }
    countries.removeIf(String::isEmpty);
    Set<String> flags = new TreeSet<>();
    report.incidentSummary().annotations().stream().map(WireValue::wire).forEach(flags::add);
    if (report.incidentSummary().escalateToHighPriority().isPresent()) {
      flags.add("highPriority");
    }
    return new QueueFacets(countries, flags);
  }

  private static String code(String country) {
    return country.strip().toUpperCase(Locale.ROOT);
  }
}
