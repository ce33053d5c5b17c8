package org.tiptrace.hash.sets;

import java.io.IOException;
import org.tiptrace.intake.Problem;

/** A hash-set file that cannot be read: the problem names the file, the place and the reason. */
public final class HashSetFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public HashSetFormatException(Problem problem) {
    super(problem.message());
    this.problem = problem;
  }

  public HashSetFormatException(Problem problem, Throwable cause) {
    super(problem.message(), cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
