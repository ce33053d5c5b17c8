package org.tiptrace.triage;

import java.util.List;

/** A rule file that failed validation; every problem is listed with the rule and value. */
public final class TriageRulesException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public TriageRulesException(String source, List<String> problems, Throwable cause) {
    super(source + ": " + String.join("; ", problems), cause);
    this.problems = List.copyOf(problems);
  }

  public TriageRulesException(String source, List<String> problems) {
    super(source + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
