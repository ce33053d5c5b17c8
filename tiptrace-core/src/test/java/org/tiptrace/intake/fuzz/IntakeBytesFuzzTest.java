package org.tiptrace.intake.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.tiptrace.intake.DocumentReaders;

/**
 * Target (a): any bytes into the format registry, both parse modes, every {@link IntakeInvariants}
 * invariant. The registry dispatches on the first significant byte, so this one target reaches the
 * LE JSON reader and whatever ESP XML reader {@link DocumentReaders#standard()} holds.
 *
 * <p>Seeds: {@code IntakeBytesFuzzTestInputs/anyBytes/} (the two reference documents of each
 * format, the ugly LE JSON fixture, hostile XML prologues, findings). The default build runs
 * exactly these; fuzzing: docs/fuzzing.md.
 */
class IntakeBytesFuzzTest {
  private static final DocumentReaders READERS = DocumentReaders.standard();

  @DictionaryFile(resourcePath = FuzzDictionary.LE_JSON)
  @DictionaryFile(resourcePath = FuzzDictionary.ESP_XML)
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @FuzzTest(maxDuration = "3m")
  void anyBytes(byte[] input) {
    IntakeInvariants.check(READERS, input);
  }
}
