package org.tiptrace.hash.sets;

import java.util.Objects;
import java.util.Optional;

/**
 * What an operator says about a set when importing it.
 *
 * @param name unique among stored sets; importing the same name again replaces the set
 * @param version the set's own version (release, date); recorded with every match
 * @param source where it came from (for example "Project VIC", "NIST")
 * @param licence the licence or sharing terms, as a note
 * @param categoryScheme how its categories read (for example "VICS 2.0 US")
 * @param enabled disabled sets are kept but not matched
 */
public record HashSetInfo(
    String name,
    String version,
    Optional<String> source,
    Optional<String> licence,
    String categoryScheme,
    HashSetKind kind,
    boolean enabled) {

  public HashSetInfo {
    name = requireText(name, "name", 200);
    version = requireText(version, "version", 100);
    source = source.map(String::strip).filter(s -> !s.isEmpty());
    licence = licence.map(String::strip).filter(s -> !s.isEmpty());
    categoryScheme = requireText(categoryScheme, "categoryScheme", 100);
    Objects.requireNonNull(kind, "kind");
  }

  /** The same set with another category scheme (the importer detects it from the file). */
  public HashSetInfo withCategoryScheme(String scheme) {
    return new HashSetInfo(name, version, source, licence, scheme, kind, enabled);
  }

  private static String requireText(String value, String what, int max) {
    String v = Objects.requireNonNull(value, what).strip();
    if (v.isEmpty()) {
      throw new IllegalArgumentException("hash set " + what + " must not be empty");
    }
    if (v.length() > max) {
      throw new IllegalArgumentException(
          "hash set " + what + " must be at most " + max + " characters, was " + v.length());
    }
    return v;
  }
}
