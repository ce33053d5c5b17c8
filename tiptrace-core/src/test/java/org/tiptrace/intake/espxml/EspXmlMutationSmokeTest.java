package org.tiptrace.intake.espxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;

/**
 * Seeded byte-level mutations of the fixtures (flips, cuts, insertions of XML punctuation). The
 * reader must never throw, a rejection must carry an error, and every problem must name a line and
 * a column. A quick in-suite guard; a coverage-guided fuzzer belongs in its own profile.
 */
class EspXmlMutationSmokeTest {
  private static final int RUNS = 800;
  private static final byte[][] TOKENS = {
    "<".getBytes(java.nio.charset.StandardCharsets.UTF_8),
    ">".getBytes(java.nio.charset.StandardCharsets.UTF_8),
    "&".getBytes(java.nio.charset.StandardCharsets.UTF_8),
    "</".getBytes(java.nio.charset.StandardCharsets.UTF_8),
    "<x>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
    "\"".getBytes(java.nio.charset.StandardCharsets.UTF_8),
    "]]>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
    "<!DOCTYPE x>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
    {(byte) 0xC3},
    {(byte) 0xFF, (byte) 0xFE},
    {0}
  };

  @Test
  void mutatedDocumentsNeverThrowAndAlwaysLocateTheirProblems() {
    long seed = Long.getLong("tiptrace.seed", System.nanoTime());
    Random rnd = new Random(seed);
    List<byte[]> sources =
        List.of(
            EspXmlFixtures.bytes(EspXmlFixtures.REPORT),
            EspXmlFixtures.bytes(EspXmlFixtures.FILE_DETAILS),
            EspXmlFixtures.bytes(EspXmlFixtures.UGLY),
            EspXmlFixtures.bytes(EspXmlFixtures.UGLY_FILE));
    EspXmlReader reader = new EspXmlReader();
    for (int i = 0; i < RUNS; i++) {
      byte[] doc = mutate(sources.get(rnd.nextInt(sources.size())), rnd);
      ParseMode mode = rnd.nextBoolean() ? ParseMode.STRICT : ParseMode.TOLERANT;
      ParseResult result;
      try {
        result = reader.read("m.xml", doc, mode, IntakeLimits.DEFAULT);
      } catch (RuntimeException e) {
        throw new AssertionError("run " + i + " of seed " + seed + " threw", e);
      }
      if (result instanceof ParseResult.Rejected) {
        assertThat(result.problems()).anyMatch(Problem::isError);
      }
      for (Problem p : result.problems()) {
        assertThat(p.line()).as("seed %d run %d: %s", seed, i, p.message()).isPresent();
        assertThat(p.column()).as("seed %d run %d: %s", seed, i, p.message()).isPresent();
        assertThat(p.source()).isEqualTo("m.xml");
      }
    }
  }

  private static byte[] mutate(byte[] src, Random rnd) {
    byte[] b = src.clone();
    int edits = 1 + rnd.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = rnd.nextInt(Math.max(1, b.length));
      switch (rnd.nextInt(4)) {
        case 0 -> b[at] = (byte) rnd.nextInt(256);
        case 1 -> b = Arrays.copyOf(b, at);
        case 2 -> {
          byte[] t = TOKENS[rnd.nextInt(TOKENS.length)];
          byte[] n = new byte[b.length + t.length];
          System.arraycopy(b, 0, n, 0, at);
          System.arraycopy(t, 0, n, at, t.length);
          System.arraycopy(b, at, n, at + t.length, b.length - at);
          b = n;
        }
        default -> {
          int len = Math.min(b.length - at, rnd.nextInt(40));
          byte[] n = new byte[b.length - len];
          System.arraycopy(b, 0, n, 0, at);
          System.arraycopy(b, at + len, n, at, b.length - at - len);
          b = n;
        }
      }
      if (b.length == 0) {
        break;
      }
    }
    return b;
  }
}
