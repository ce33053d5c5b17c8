package org.tiptrace.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.evidence.GateFixtures.A;
import static org.tiptrace.evidence.GateFixtures.file;
import static org.tiptrace.evidence.GateFixtures.tip;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;

class TipFilesTest {
  private static final TriState U = TriState.UNKNOWN;

  @Test
  void aUniqueValidIdNamesItsFileAndTheOthersTheirPosition() {
    Tip tip =
        tip(
            1,
            A,
            file("9c1d0e6fa24b4a7c8e3f51b2d6a07e44", U, U, U),
            file(Optional.empty(), U, U, U, List.of(), List.of()),
            file("dup", U, U, U),
            file("dup", U, U, U),
            file("has space", U, U, U),
            file("pos-1", U, U, U));

    assertThat(TipFiles.of(tip))
        .extracting(f -> f.ref().value())
        .containsExactly(
            "9c1d0e6fa24b4a7c8e3f51b2d6a07e44", "pos-2", "pos-3", "pos-4", "pos-5", "pos-6");
  }

  @Test
  void findIgnoresNamesThatAreNotEvenValid() {
    Tip tip = tip(2, A, file("f1", U, U, U));

    assertThat(TipFiles.find(tip, "f1")).isPresent();
    assertThat(TipFiles.find(tip, "../f1")).isEmpty();
    assertThat(TipFiles.find(tip, "")).isEmpty();
  }
}
