package org.tiptrace.hash.sets;

import java.time.Instant;
import java.util.Optional;

/**
 * A set as stored, with its provenance (reference §1.5: source, version, import time, file hash).
 *
 * @param id the store's key; a replaced set gets a new one
 * @param fileSha256 lower-case hex SHA-256 of the imported file
 * @param fileVersion the version the file itself declares (VICS data model, NSRL release)
 * @param categoryMap the {@link VicsCategoryMap} ("name version") in force when the set was
 *     imported, when the map applies to it; empty for other sets and for sets imported before the
 *     map was data
 * @param contentFingerprint {@link EntryFingerprint#value()} of the entries as imported; empty for
 *     sets imported before it was recorded (V16), whose indexes are then not cached
 */
public record StoredHashSet(
    long id,
    HashSetInfo info,
    HashSetFormat format,
    long entryCount,
    Instant importedAt,
    String fileSha256,
    Optional<String> fileVersion,
    Optional<String> categoryMap,
    Optional<String> contentFingerprint) {

  public StoredHashSet {
    if (categoryMap == null) {
      categoryMap = Optional.empty();
    }
    if (contentFingerprint == null) {
      contentFingerprint = Optional.empty();
    }
  }

  /** A set without a recorded content fingerprint. */
  public StoredHashSet(
      long id,
      HashSetInfo info,
      HashSetFormat format,
      long entryCount,
      Instant importedAt,
      String fileSha256,
      Optional<String> fileVersion,
      Optional<String> categoryMap) {
    this(
        id,
        info,
        format,
        entryCount,
        importedAt,
        fileSha256,
        fileVersion,
        categoryMap,
        Optional.empty());
  }

  /** A set without a recorded category map. */
  public StoredHashSet(
      long id,
      HashSetInfo info,
      HashSetFormat format,
      long entryCount,
      Instant importedAt,
      String fileSha256,
      Optional<String> fileVersion) {
    this(
        id,
        info,
        format,
        entryCount,
        importedAt,
        fileSha256,
        fileVersion,
        Optional.empty(),
        Optional.empty());
  }

  /** "name version" as shown to users and recorded with matches. */
  public String label() {
    return info.name() + " " + info.version();
  }
}
