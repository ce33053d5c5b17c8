package org.tiptrace.tip;

import java.util.Locale;
import java.util.Optional;

/** An NCMEC vocabulary constant and its exact spelling on the wire. */
public interface WireValue {
  /** The spelling used by the ESP XML schema. */
  String wire();

  /** Exact lookup by wire spelling. */
  static <E extends Enum<E> & WireValue> Optional<E> parse(Class<E> type, String text) {
    for (E e : type.getEnumConstants()) {
      if (e.wire().equals(text)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * Case-insensitive lookup, for sources whose casing varies by ESP (the LE JSON writes {@code
   * UPLOAD} for {@code Upload}).
   */
  static <E extends Enum<E> & WireValue> Optional<E> parseIgnoringCase(Class<E> type, String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.wire().toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
