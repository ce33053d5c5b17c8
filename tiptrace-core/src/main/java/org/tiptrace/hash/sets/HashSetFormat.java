package org.tiptrace.hash.sets;

import java.util.Locale;
import java.util.Optional;

/** The hash-set file formats Tiptrace imports. */
public enum HashSetFormat {
  /** Project VIC VICS JSON 1.x and 2.0, {@code #Cases} and {@code #Media}. */
  VICS,
  /** NIST NSRL RDS v3 SQLite (known-good); read by tiptrace-store. */
  NSRL,
  /** hashdeep text ({@code %%%% HASHDEEP-1.0}). */
  HASHDEEP,
  /** CSV with a header naming the columns (see {@code hash.sets.csv}). */
  CSV;

  public static Optional<HashSetFormat> fromLabel(String label) {
    try {
      return Optional.of(valueOf(label.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
