package org.tiptrace.tip;

import java.util.Optional;

/** A yes/no answer that may be missing. {@link #UNKNOWN} is never read as {@link #FALSE}. */
public enum TriState {
  TRUE,
  FALSE,
  UNKNOWN;

  public static TriState of(boolean value) {
    return value ? TRUE : FALSE;
  }

  public static TriState of(Optional<Boolean> value) {
    return value.map(TriState::of).orElse(UNKNOWN);
  }

  public boolean isTrue() {
    return this == TRUE;
  }

  public boolean isKnown() {
    return this != UNKNOWN;
  }

  public Optional<Boolean> asOptional() {
    return switch (this) {
      case TRUE -> Optional.of(true);
      case FALSE -> Optional.of(false);
      case UNKNOWN -> Optional.empty();
    };
  }
}
