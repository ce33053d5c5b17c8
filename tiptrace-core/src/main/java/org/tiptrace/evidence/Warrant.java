package org.tiptrace.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * A recorded warrant: the basis that opens the files it lists, and only those.
 *
 * @param files the file ids it covers
 * @param recordedBy the user who recorded it
 */
public record Warrant(
    WarrantId id,
    AgencyId agency,
    TipId tip,
    String number,
    String court,
    LocalDate issuedOn,
    Set<FileRef> files,
    String recordedBy,
    Instant recordedAt) {
  public Warrant {
    files = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(files));
  }

  public boolean covers(AgencyId agency, TipId tip, FileRef file) {
    return this.agency.equals(agency) && this.tip.equals(tip) && files.contains(file);
  }

  /** {@code warrant 3 (no. SW-2026-0142, Superior Court of Example County, issued 2026-11-20)}. */
  public String label() {
    return "warrant " + id + " (no. " + number + ", " + court + ", issued " + issuedOn + ")";
  }
}
