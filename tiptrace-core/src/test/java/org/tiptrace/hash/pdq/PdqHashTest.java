package org.tiptrace.hash.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PdqHashTest {

  private static final String HEX =
      "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

  @Test
  void hexRoundTripsAndLayoutFollowsTheReference() {
    PdqHash h = PdqHash.parseHex(HEX);
    assertThat(h.toHex()).isEqualTo(HEX);
    assertThat(PdqHash.parseHex(HEX.toUpperCase(java.util.Locale.ROOT))).isEqualTo(h);
    // First hex digit = row 15, columns 15..12; last 4 digits = word 0 = row 0.
    assertThat(h.slot(15)).isEqualTo(0xf8f8);
    assertThat(h.slot(0)).isEqualTo(0x9b22);
    assertThat(h.bit(0)).isFalse(); // 0x...2 -> bit 1 set, bit 0 clear
    assertThat(h.bit(1)).isTrue();
    assertThat(h.bit(255)).isTrue();
    assertThat(
            PdqHash.ofSlots(new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x8000})
                .toHex())
        .isEqualTo("8" + "0".repeat(62) + "1");
  }

  @Test
  void distanceIsPopcountOfXor() {
    PdqHash a = PdqHash.parseHex(HEX);
    PdqHash zero = PdqHash.ofWords(0, 0, 0, 0);
    assertThat(a.distance(a)).isZero();
    assertThat(a.distance(zero)).isEqualTo(a.bitCount()).isEqualTo(128);
    assertThat(zero.distance(PdqHash.ofWords(-1, -1, -1, -1))).isEqualTo(256);
  }

  @Test
  void parseRejectsBadInputWithAReason() {
    assertThatThrownBy(() -> PdqHash.parseHex("abc")).hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> PdqHash.parseHex(HEX.substring(1) + "g"))
        .hasMessageContaining("position 63");
  }
}
