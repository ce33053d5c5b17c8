package org.tiptrace.ip;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tiptrace.tip.Sha256;

/**
 * The record of one installed IP data set: what it is, where it came from and how old its data is.
 * Stored with the file's bytes by {@link IpDataRepository}; every assessment names the sets (and
 * builds) it was computed with.
 *
 * @param name the agency's name for the set, unique; importing under the same name replaces it
 * @param kind what the file holds
 * @param detail the MMDB {@code database_type}, or the CSV kind ({@code csv:COUNTRY})
 * @param sourceFile the imported file's name
 * @param sha256 of the file's bytes, as imported
 * @param size the file's length in bytes
 * @param build the MMDB {@code build_epoch}; for other kinds the {@code --built} date or the file's
 *     modification date
 * @param importedAt when it was installed
 */
public record InstalledDataSet(
    String name,
    IpDataKind kind,
    String detail,
    String sourceFile,
    Sha256 sha256,
    long size,
    Instant build,
    Instant importedAt) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  public InstalledDataSet {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(sourceFile, "sourceFile");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(importedAt, "importedAt");
    checkName(name);
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
  }

  /** Checks a data set name: letters, digits, dot, dash and underscore, up to 100 characters. */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "data set name must be 1-100 of letters, digits, '.', '-', '_' (starting with a letter"
              + " or digit), was '"
              + name
              + "'");
    }
    return name;
  }

  /** How an assessment names the set: {@code geo-asn (mmdb DBIP-ASN-Lite, built 2026-...Z)}. */
  public String describe() {
    return name + " (" + kind.label() + " " + detail + ", built " + build + ")";
  }
}
