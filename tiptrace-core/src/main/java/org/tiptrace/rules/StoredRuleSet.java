package org.tiptrace.rules;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.tiptrace.tip.Sha256;

/**
 * One stored version of a rule set.
 *
 * @param version the stored version, 1, 2, … per kind (the jar's file is 1)
 * @param fileVersion the {@code version} the file itself declares
 * @param bytes the YAML exactly as submitted
 * @param sha256 of {@code bytes}
 * @param submittedBy the account (or {@code cli:<user>}, {@code system} for the seed)
 * @param note why this version was submitted (required)
 * @param active whether this is the version the app applies
 */
public record StoredRuleSet(
    RuleKind kind,
    int version,
    String fileVersion,
    byte[] bytes,
    Sha256 sha256,
    String submittedBy,
    Instant submittedAt,
    String note,
    boolean active) {

  public StoredRuleSet {
    Objects.requireNonNull(kind, "kind");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, was " + version);
    }
    bytes = bytes.clone();
    if (!Sha256.of(bytes).equals(sha256)) {
      throw new IllegalArgumentException(
          kind.slug() + " v" + version + ": the SHA-256 does not match the bytes");
    }
    if (note.isBlank()) {
      throw new IllegalArgumentException(kind.slug() + " v" + version + ": the note is required");
    }
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The bytes as text (validated UTF-8 on submission). */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** {@code triage v2 (2026.11-2)}. */
  public String label() {
    return kind.slug() + " v" + version + " (" + fileVersion + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredRuleSet s
        && kind == s.kind
        && version == s.version
        && fileVersion.equals(s.fileVersion)
        && Arrays.equals(bytes, s.bytes)
        && sha256.equals(s.sha256)
        && submittedBy.equals(s.submittedBy)
        && submittedAt.equals(s.submittedAt)
        && note.equals(s.note)
        && active == s.active;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, version, sha256, active);
  }

  @Override
  public String toString() {
    return label() + (active ? " active" : "") + " sha256 " + sha256.hex();
  }
}
