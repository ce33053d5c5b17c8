package org.tiptrace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
  /** RFC 6238 Appendix B's SHA-1 seed, the ASCII of "12345678901234567890". */
  private static final String RFC_SECRET =
      Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  private static Totp at(long epochSecond) {
    return new Totp(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  /** The RFC's 8-digit values, of which a 6-digit code is the last six digits. */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void matchesTheTestVectorsOfRfc6238(long time, String eightDigits) {
    assertThat(at(time).code(RFC_SECRET)).isEqualTo(eightDigits.substring(2));
  }

  @Test
  void acceptsOneStepOfDriftEitherSideAndNoMore() {
    Totp now = at(1_700_000_000L);
    long step = now.currentStep();
    String previous = at(1_700_000_000L - 30).code(RFC_SECRET);
    String next = at(1_700_000_000L + 30).code(RFC_SECRET);
    String twoAgo = at(1_700_000_000L - 60).code(RFC_SECRET);

    assertThat(now.match(RFC_SECRET, now.code(RFC_SECRET))).hasValue(step);
    assertThat(now.match(RFC_SECRET, previous)).hasValue(step - 1);
    assertThat(now.match(RFC_SECRET, next)).hasValue(step + 1);
    if (!twoAgo.equals(previous) && !twoAgo.equals(now.code(RFC_SECRET)) && !twoAgo.equals(next)) {
      assertThat(now.match(RFC_SECRET, twoAgo)).isEmpty();
    }
    assertThat(now.match(RFC_SECRET, "12345")).isEmpty();
    assertThat(now.match(RFC_SECRET, "abcdef")).isEmpty();
  }

  @Test
  void base32RoundTripsAndNamesABadCharacter() {
    byte[] bytes = {0, 1, 2, (byte) 0xfe, (byte) 0xff, 42, 7};
    assertThat(Base32.decode(Base32.encode(bytes))).isEqualTo(bytes);
    assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(Base32.decode("mzxw 6ytb oi======"))
        .isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> Base32.decode("MZX1"))
        .hasMessageContaining("character 4")
        .hasMessageContaining("'1'");
    assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
  }

  @Test
  void theUriCarriesIssuerAccountAndParameters() {
    assertThat(Totp.uri("Tiptrace", "demo@ICAC A", "JBSWY3DPEHPK3PXP"))
        .isEqualTo(
            "otpauth://totp/Tiptrace:demo%40ICAC%20A?secret=JBSWY3DPEHPK3PXP&issuer=Tiptrace"
                + "&algorithm=SHA1&digits=6&period=30");
  }
}
