package org.tiptrace.ip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Tor exit addresses keyed by UTC date, from TorDNSEL exit lists (live snapshots or CollecTor
 * archive files; reference §3.6). Answers "was this address a Tor exit <b>at the event</b>", not
 * "is it one today".
 *
 * <p>An address counts as an exit at an instant when an {@code ExitAddress} line for it falls on
 * the event's UTC date give or take {@code toleranceDays} (the live list keeps entries about 48
 * hours, so a snapshot can lag a day). A date counts as covered when a snapshot was downloaded on
 * it or an exit was tested on it; an event date with no covered date in the window is "not
 * checked".
 */
public final class TorExitList {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private final Map<String, NavigableSet<LocalDate>> exits;
  private final NavigableSet<LocalDate> covered;
  private final List<String> sources;

  private TorExitList(
      Map<String, NavigableSet<LocalDate>> exits,
      NavigableSet<LocalDate> covered,
      List<String> sources) {
    this.exits = exits;
    this.covered = covered;
    this.sources = List.copyOf(sources);
  }

  /** A list with no snapshots: every check is "not checked". */
  public static TorExitList empty() {
    return new TorExitList(Map.of(), new TreeSet<>(), List.of());
  }

  /** Reads one exit-list file (UTF-8). */
  public static TorExitList load(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.getFileName().toString());
    }
  }

  /** Parses one exit-list file. Errors name the file, line and reason. */
  public static TorExitList parse(Reader in, String name) throws IOException {
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    Map<String, NavigableSet<LocalDate>> exits = new HashMap<>();
    NavigableSet<LocalDate> covered = new TreeSet<>();
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("@type")) {
        continue;
      }
      String[] parts = s.split("\\s+");
      try {
        switch (parts[0]) {
          case "Downloaded" -> covered.add(time(parts, 1).toLocalDate());
          case "ExitAddress" -> {
            if (parts.length < 4) {
              throw new IllegalArgumentException("ExitAddress needs an address, a date and a time");
            }
            String ip =
                IpAddresses.canonical(parts[1])
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException("not an IP address: '" + parts[1] + "'"));
            LocalDate day = time(parts, 2).toLocalDate();
            exits.computeIfAbsent(ip, k -> new TreeSet<>()).add(day);
            covered.add(day);
          }
          case "ExitNode", "Published", "LastStatus" -> {
            // relay identity and consensus times: not needed for the address check
          }
          default -> throw new IllegalArgumentException("unknown line kind '" + parts[0] + "'");
        }
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IllegalArgumentException(name + " line " + n + ": " + e.getMessage(), e);
      }
    }
    return new TorExitList(exits, covered, List.of(name));
  }

  private static LocalDateTime time(String[] parts, int at) {
    if (parts.length < at + 2) {
      throw new IllegalArgumentException("expected 'yyyy-MM-dd HH:mm:ss'");
    }
    return LocalDateTime.parse(parts[at] + " " + parts[at + 1], TIME);
  }

  /** The union of several lists (e.g. one file per day). */
  public static TorExitList merge(Collection<TorExitList> lists) {
    Map<String, NavigableSet<LocalDate>> exits = new HashMap<>();
    NavigableSet<LocalDate> covered = new TreeSet<>();
    List<String> sources = new java.util.ArrayList<>();
    for (TorExitList l : lists) {
      l.exits.forEach((k, v) -> exits.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
      covered.addAll(l.covered);
      sources.addAll(l.sources);
    }
    return new TorExitList(exits, covered, sources);
  }

  /** The result of one check. */
  public enum Listing {
    /** Listed as an exit within the window around the event date. */
    LISTED,
    /** Snapshots cover the window and the address is not in them. */
    NOT_LISTED,
    /** No snapshot covers the window: not checked. */
    NOT_COVERED
  }

  /** Checks an address (canonical text) at an instant. */
  public Listing check(String canonicalIp, Instant at, int toleranceDays) {
    LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate from = day.minusDays(toleranceDays);
    LocalDate to = day.plusDays(toleranceDays);
    NavigableSet<LocalDate> listed = exits.get(canonicalIp);
    if (listed != null && !listed.subSet(from, true, to, true).isEmpty()) {
      return Listing.LISTED;
    }
    return covered.subSet(from, true, to, true).isEmpty()
        ? Listing.NOT_COVERED
        : Listing.NOT_LISTED;
  }

  /** Dates the address was listed on, for the report. */
  public Optional<NavigableSet<LocalDate>> datesListed(String canonicalIp) {
    return Optional.ofNullable(exits.get(canonicalIp))
        .map(java.util.Collections::unmodifiableNavigableSet);
  }

  /** How many distinct addresses the list names as exits. */
  int addressCount() {
    return exits.size();
  }

  public List<String> sources() {
    return sources;
  }
}
