package org.tiptrace.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {

  @Test
  void equalTextsHaveNoHunks() {
    assertThat(LineDiff.diff("a\nb\n", "a\nb\n")).isEmpty();
  }

  @Test
  void aChangedLineWithContext() {
    String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
    String b = "1\n2\n3\n4\n5\nsix\n7\n8\n9\n10\n";
    List<LineDiff.Hunk> hunks = LineDiff.diff(a, b);
    assertThat(hunks).hasSize(1);
    LineDiff.Hunk h = hunks.get(0);
    assertThat(h.header()).isEqualTo("@@ -3,7 +3,7 @@");
    assertThat(h.lines().stream().map(LineDiff.Line::unified))
        .containsExactly(" 3", " 4", " 5", "-6", "+six", " 7", " 8", " 9");
    assertThat(LineDiff.unified("old", a, "new", b))
        .isEqualTo("--- old\n+++ new\n@@ -3,7 +3,7 @@\n 3\n 4\n 5\n-6\n+six\n 7\n 8\n 9\n");
  }

  @Test
  void farApartChangesMakeTwoHunksAndCrlfIsIgnored() {
    String a =
        IntStream.rangeClosed(1, 20).mapToObj(i -> "l" + i).collect(Collectors.joining("\r\n"));
    String b = a.replace("l2\r", "L2\r").replace("l19\r", "l19\r\nadded\r");
    List<LineDiff.Hunk> hunks = LineDiff.diff(a, b);
    assertThat(hunks).hasSize(2);
    assertThat(hunks.get(1).lines()).extracting(LineDiff.Line::unified).contains("+added");
  }

  /** Applying the diff's non-removed lines gives the new text; its non-added lines the old. */
  @Test
  void randomEditsRoundTrip() {
    long seed = 20261123L;
    Random random = new Random(seed);
    for (int run = 0; run < 200; run++) {
      List<String> a =
          IntStream.range(0, random.nextInt(30)).mapToObj(i -> "x" + random.nextInt(6)).toList();
      List<String> b =
          IntStream.range(0, random.nextInt(30)).mapToObj(i -> "x" + random.nextInt(6)).toList();
      List<LineDiff.Line> lines = LineDiff.lines(String.join("\n", a), String.join("\n", b));
      assertThat(lines.stream().filter(l -> l.op() != LineDiff.Op.ADDED).map(LineDiff.Line::text))
          .as("seed %d run %d", seed, run)
          .containsExactlyElementsOf(a);
      assertThat(lines.stream().filter(l -> l.op() != LineDiff.Op.REMOVED).map(LineDiff.Line::text))
          .as("seed %d run %d", seed, run)
          .containsExactlyElementsOf(b);
    }
  }
}
