package org.tiptrace.intake.lejson;

import java.util.List;
import org.tiptrace.intake.DocumentReader;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;

/** PLACEHOLDER while the reader is being written in its own branch. */
public final class LeJsonReader implements DocumentReader {
  @Override
  public ParseResult read(String sourceName, byte[] bytes, ParseMode mode, IntakeLimits limits) {
    return new ParseResult.Rejected(
        List.of(Problem.error(sourceName, "", "reader not yet implemented")));
  }
}
