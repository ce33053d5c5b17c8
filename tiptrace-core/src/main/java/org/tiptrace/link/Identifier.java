package org.tiptrace.link;

import java.util.Objects;

/**
 * One normalised identifier of one person.
 *
 * @param key the index key: kind prefix, scope and normalised value; equal keys mean "same"
 */
public record Identifier(IdentifierKind kind, Strength strength, String key) {
  public Identifier {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(strength, "strength");
    if (key.isBlank() || key.indexOf('|') < 0) {
      throw new IllegalArgumentException(
          "identifier key must be 'prefix|value', was '" + key + "'");
    }
  }

  /**
   * The value as an investigator reads it ("+12025550178", "10001 on example chat", "192.0.2.10 on
   * 2026-01-05"). Derived from the key so that the linker keeps one string per identifier.
   */
  public String display() {
    String[] parts = key.split("\\|", -1);
    return switch (kind) {
      case ESP_USER_ID, SCREEN_NAME ->
          parts[2] + " on " + ("?".equals(parts[1]) ? "an unnamed service" : parts[1]);
      case IP_DAY -> parts[1] + " on " + parts[2];
      case DEVICE_ID -> parts[1] + " " + parts[2];
      case FILE_HASH ->
          parts[1] + " " + (parts[2].length() > 12 ? parts[2].substring(0, 12) + "…" : parts[2]);
      default -> key.substring(key.indexOf('|') + 1);
    };
  }
}
