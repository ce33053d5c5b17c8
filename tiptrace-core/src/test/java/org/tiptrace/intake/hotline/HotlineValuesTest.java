package org.tiptrace.intake.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;

/** The small value types check themselves and say what is wrong. */
class HotlineValuesTest {
  private static final AgencyId AGENCY = new AgencyId("ICAC-A");

  @Test
  void platformNamesAreWhatHttpBasicCanCarry() {
    assertThat(new Platform("trust+safety@photos.example.com", AGENCY).username())
        .isEqualTo("trust+safety@photos.example.com");
    for (String bad : new String[] {"", "a:b", " padded", "tab\there", "x".repeat(129)}) {
      assertThatThrownBy(() -> new Platform(bad, AGENCY))
          .as("'%s'", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("platform username");
    }
  }

  @Test
  void accountsNeverPrintTheirPasswordHash() {
    var account =
        new PlatformCredentials.Account(
            new Platform("esp-one", AGENCY), "$2a$12$secret-hash-value", true);
    assertThat(account.toString()).doesNotContain("secret").contains("****").contains("esp-one");
  }

  @Test
  void configNamesTheProperty() {
    assertThatThrownBy(() -> new HotlineConfig(IntakeLimits.DEFAULT, 0, 1))
        .hasMessageContaining("hotline.max-upload-bytes");
    assertThatThrownBy(() -> new HotlineConfig(IntakeLimits.DEFAULT, 1, 0))
        .hasMessageContaining("hotline.max-files-per-report");
  }

  @Test
  void theDeadlineIsTheLaterOfTheTwoRules() {
    Instant t0 = Instant.parse("2026-03-14T21:00:00Z");
    HotlineReport fresh = report(t0, t0, ReportState.OPEN);
    assertThat(fresh.expiresAt()).isEqualTo(t0.plus(Duration.ofHours(24)));
    HotlineReport late =
        report(t0, t0.plus(Duration.ofHours(23).plusMinutes(59)), ReportState.OPEN);
    assertThat(late.expiresAt()).isEqualTo(t0.plus(Duration.ofHours(24).plusMinutes(59)));
    assertThat(fresh.isExpiredAt(fresh.expiresAt().minusNanos(1))).isFalse();
    assertThat(fresh.isExpiredAt(fresh.expiresAt())).isTrue();
    assertThat(report(t0, t0, ReportState.FINISHED).isExpiredAt(t0.plus(Duration.ofDays(9))))
        .as("closed reports do not expire")
        .isFalse();
    assertThatThrownBy(
            () ->
                new HotlineFile(
                    1, "XYZ", "", 1, "0".repeat(32), "0".repeat(40), Sha256.of(new byte[0]), t0))
        .hasMessageContaining("fileId");
  }

  private static HotlineReport report(Instant opened, Instant changed, ReportState state) {
    return new HotlineReport(
        1,
        new Platform("esp-one", AGENCY),
        state,
        opened,
        changed,
        0,
        Sha256.of(new byte[0]),
        Optional.empty(),
        Optional.empty());
  }
}
