package org.tiptrace.triage;

/**
 * One line of a score's explanation: the rule, its integer points and what in the tip fired it. The
 * lines of a result sum exactly to its score.
 */
public record ScoreLine(String rule, int points, String detail) {
  @Override
  public String toString() {
    return (points >= 0 ? "+" : "") + points + " " + rule + ": " + detail;
  }
}
