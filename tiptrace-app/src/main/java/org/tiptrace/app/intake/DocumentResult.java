package org.tiptrace.app.intake;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tiptrace.intake.IntakeOutcome;
import org.tiptrace.intake.IntakeResult;
import org.tiptrace.intake.Problem;

/**
 * The result for one document, as the CLI's {@code --json} and the intake API write it.
 *
 * @param tipId the tip created, attached to or found; null when rejected
 * @param sha256 the archived document's digest; null when it could not be read at all
 */
public record DocumentResult(
    String name,
    IntakeOutcome outcome,
    @Nullable Long tipId,
    @Nullable String sha256,
    List<ProblemView> problems) {

  public DocumentResult {
    problems = List.copyOf(problems);
  }

  public static DocumentResult of(IntakeResult r) {
    return new DocumentResult(
        r.sourceName(),
        r.outcome(),
        r.tipId().map(id -> id.value()).orElse(null),
        r.sha256().hex(),
        r.problems().stream().map(ProblemView::of).toList());
  }

  /** A document rejected before intake (it could not be read, or broke a limit). */
  public static DocumentResult unreadable(String name, List<Problem> problems) {
    return new DocumentResult(
        name, IntakeOutcome.REJECTED, null, null, problems.stream().map(ProblemView::of).toList());
  }

  /**
   * One problem, flattened for JSON.
   *
   * @param message the one-line form the CLI prints ({@link Problem#message()})
   */
  public record ProblemView(
      String severity,
      String source,
      @Nullable Integer line,
      @Nullable Integer column,
      String path,
      String reason,
      String message) {

    public static ProblemView of(Problem p) {
      return new ProblemView(
          p.severity().name(),
          p.source(),
          p.line().isPresent() ? p.line().getAsInt() : null,
          p.column().isPresent() ? p.column().getAsInt() : null,
          p.path(),
          p.reason(),
          p.message());
    }
  }
}
