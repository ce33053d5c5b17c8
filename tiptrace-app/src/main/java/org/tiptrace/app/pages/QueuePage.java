package org.tiptrace.app.pages;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One page of an agency's queue as the page shows it.
 *
 * @param rulesVersion the triage rules' version in use
 * @param scoredAt when the page was read
 * @param ipSignals where the IP signals came from, in words
 * @param entries this page's entries, in work order
 * @param total every stored result of the agency
 * @param matching the results that pass the filters
 * @param countries every country some tip of the queue points to (the filter's choices)
 * @param flags every flag some tip of the queue carries (the filter's choices)
 */
public record QueuePage(
    String rulesVersion,
    Instant scoredAt,
    String ipSignals,
    List<QueueSnapshot.Entry> entries,
    long total,
    long matching,
    Set<String> countries,
    Set<String> flags) {
  public QueuePage {
    entries = List.copyOf(entries);
    countries = Set.copyOf(countries);
    flags = Set.copyOf(flags);
  }
}
