package org.tiptrace.legal;

/**
 * One source a rule relies on.
 *
 * @param key the source key of the rule file ({@code S15}), as in legal-rules.md
 * @param text case name, reporter and where to read it
 */
public record Citation(String key, String text) {
  @Override
  public String toString() {
    return "[" + key + "] " + text;
  }
}
