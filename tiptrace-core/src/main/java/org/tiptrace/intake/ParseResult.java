package org.tiptrace.intake;

import java.util.List;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;

/** What a {@link DocumentReader} made of one document. Warnings ride along with a success. */
public sealed interface ParseResult {

  List<Problem> problems();

  /** A whole report ({@code report} XML or LE JSON). */
  record ReportParsed(Report report, List<Problem> problems) implements ParseResult {
    public ReportParsed {
      problems = List.copyOf(problems);
    }
  }

  /** A {@code fileDetails} document: one file of the report with the given report id. */
  record FileDetailsParsed(String reportId, ReportedFile file, List<Problem> problems)
      implements ParseResult {
    public FileDetailsParsed {
      problems = List.copyOf(problems);
    }
  }

  /** The document was not accepted; at least one problem is an error. */
  record Rejected(List<Problem> problems) implements ParseResult {
    public Rejected {
      problems = List.copyOf(problems);
      if (problems.stream().noneMatch(Problem::isError)) {
        throw new IllegalArgumentException("a rejection needs at least one error");
      }
    }
  }
}
