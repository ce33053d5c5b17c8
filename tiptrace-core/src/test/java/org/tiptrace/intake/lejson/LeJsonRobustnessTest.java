package org.tiptrace.intake.lejson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.intake.lejson.LeJsonFixtures.REFERENCE;
import static org.tiptrace.intake.lejson.LeJsonFixtures.UGLY;
import static org.tiptrace.intake.lejson.LeJsonFixtures.bytes;
import static org.tiptrace.intake.lejson.LeJsonFixtures.read;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;

/**
 * "Never throw for bad input": every truncation of the fixtures, and seeded random byte mutations,
 * must give a result (never an exception, never the reader's internal-error safety net), and a
 * rejection always names at least one error with its source.
 */
class LeJsonRobustnessTest {
  private static final long SEED = 20250314L;

  @Test
  void everyTruncationIsRejectedWithAProblem() {
    for (String fixture : new String[] {REFERENCE, UGLY}) {
      byte[] full = bytes(fixture);
      int lastBrace = new String(full, StandardCharsets.UTF_8).stripTrailing().length();
      int end =
          new String(full, StandardCharsets.UTF_8)
              .substring(0, lastBrace - 1)
              .getBytes(StandardCharsets.UTF_8)
              .length;
      for (int len = 0; len <= end; len++) {
        ParseResult result = read(Arrays.copyOf(full, len), ParseMode.TOLERANT);
        assertSane(result, fixture + " cut at " + len);
        assertThat(result)
            .as("%s cut at %d", fixture, len)
            .isInstanceOf(ParseResult.Rejected.class);
      }
    }
  }

  @Test
  void randomByteMutationsNeverEscapeAsExceptions() {
    Random random = new Random(SEED);
    byte[] original = bytes(UGLY);
    byte[] alphabet =
        "{}[]\":,0123456789.-eEtrufalsn N/A\\\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    for (int round = 0; round < 300; round++) {
      byte[] doc = original.clone();
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        doc[random.nextInt(doc.length)] = alphabet[random.nextInt(alphabet.length)];
      }
      for (ParseMode mode : ParseMode.values()) {
        assertSane(read(doc, mode), "seed " + SEED + ", round " + round + ", " + mode);
      }
    }
  }

  private static void assertSane(ParseResult result, String what) {
    assertThat(result.problems())
        .as(what)
        .noneMatch(p -> p.reason().startsWith("internal error"))
        .allMatch(p -> p.source().equals("test.json"));
    if (result instanceof ParseResult.Rejected) {
      assertThat(result.problems()).as(what).anyMatch(Problem::isError);
    }
  }
}
