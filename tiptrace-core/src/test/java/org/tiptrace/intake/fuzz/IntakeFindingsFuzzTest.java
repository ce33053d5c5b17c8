package org.tiptrace.intake.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Timeout;
import org.tiptrace.intake.DocumentReaders;

/**
 * Open findings: minimal inputs that break an {@link IntakeInvariants} invariant today, replayed by
 * the same check as {@link IntakeBytesFuzzTest}. The target stays disabled while any file in {@code
 * IntakeFindingsFuzzTestInputs/openFindings/} still fails, so the default build stays green; when a
 * reader is fixed, move its file to {@code IntakeBytesFuzzTestInputs/anyBytes/} and drop the entry
 * below (docs/fuzzing.md, "What ran").
 *
 * <ul>
 *   <li>{@code lejson-huge-exponent.json} ({@code {"reportId":1e9999999999}}): LE JSON reader. A
 *       number whose exponent does not fit an {@code int} makes {@code LocatedTree.scalar} call
 *       {@code JsonParser.getDecimalValue()}, which throws {@code NumberFormatException} ("Exponent
 *       overflow", or "Too many nonzero exponent digits" for longer exponents); {@code
 *       LocatedTree.read} catches only Jackson's checked exceptions, so it reaches {@code
 *       LeJsonReader}'s safety net and the document is rejected as "internal error while reading LE
 *       JSON" with no pointer, line or column.
 * </ul>
 */
class IntakeFindingsFuzzTest {
  private static final DocumentReaders READERS = DocumentReaders.standard();

  @Disabled(
      "finding: LE JSON number with an exponent beyond int range reaches the reader's"
          + " internal-error safety net (lejson-huge-exponent.json)")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @FuzzTest(maxDuration = "1m")
  void openFindings(byte[] input) {
    IntakeInvariants.check(READERS, input);
  }
}
