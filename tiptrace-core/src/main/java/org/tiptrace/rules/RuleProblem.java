package org.tiptrace.rules;

import java.util.OptionalInt;

/**
 * Why a submitted rule file was refused.
 *
 * @param line the 1-based line the problem is on, when it points at one (a missing key has none)
 * @param reason the parser's reason, naming the key
 */
public record RuleProblem(OptionalInt line, String reason) {

  /** {@code line 12: rules[3].points: 'x' is not an integer}, or {@code whole file: …}. */
  public String display() {
    return (line.isPresent() ? "line " + line.getAsInt() : "whole file") + ": " + reason;
  }

  @Override
  public String toString() {
    return display();
  }
}
