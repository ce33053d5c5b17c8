package org.tiptrace.evidence;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * A warrant as an investigator records it: its number, the issuing court, the date it was issued
 * and the files it covers, by {@link FileRef}. Checked here; {@link EvidenceFiles#recordWarrant}
 * also checks the files are the tip's.
 */
public record WarrantRequest(String number, String court, LocalDate issuedOn, Set<FileRef> files) {
  /** Longest number and court kept. */
  public static final int MAX_TEXT = 256;

  public WarrantRequest {
    number = check("number", number);
    court = check("court", court);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a warrant must list at least one file id it covers");
    }
    files = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(files));
  }

  private static String check(String what, String value) {
    String v = value.strip();
    if (v.isEmpty()) {
      throw new IllegalArgumentException("warrant " + what + " is required");
    }
    if (v.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          "warrant " + what + " is longer than " + MAX_TEXT + " characters");
    }
    if (v.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("warrant " + what + " contains control characters");
    }
    return v;
  }
}
