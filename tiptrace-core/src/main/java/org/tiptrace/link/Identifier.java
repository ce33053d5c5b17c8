package org.tiptrace.link;

import java.util.Objects;

/**
 * One normalised identifier of one person.
 *
 * @param key the index key: kind prefix, scope and normalised value; equal keys mean "same"
 * @param display the value as an investigator reads it ("+12025550178")
 */
public record Identifier(IdentifierKind kind, Strength strength, String key, String display) {
  public Identifier {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(strength, "strength");
    if (key.isBlank()) {
      throw new IllegalArgumentException("identifier key must not be blank");
    }
  }
}
