package org.tiptrace.tip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class ReportedTimeTest {

  @Test
  void utcTimeHasInstant() {
    ReportedTime t = ReportedTime.parse("2025-03-14T21:07:31Z");
    assertThat(t.instant()).contains(Instant.parse("2025-03-14T21:07:31Z"));
    assertThat(t.raw()).isEqualTo("2025-03-14T21:07:31Z");
  }

  @Test
  void offsetIsKeptAndConverted() {
    ReportedTime t = ReportedTime.parse("2025-03-14T16:07:31.250-05:00");
    assertThat(t.offset()).contains(ZoneOffset.ofHours(-5));
    assertThat(t.instant()).contains(Instant.parse("2025-03-14T21:07:31.250Z"));
  }

  @Test
  void zonelessTimeIsNeverReadAsUtc() {
    ReportedTime t = ReportedTime.parse("2025-03-14T21:07:31");
    assertThat(t.zoneKnown()).isFalse();
    assertThat(t.instant()).isEmpty();
    assertThatThrownBy(t::requireInstant)
        .isInstanceOf(DateTimeException.class)
        .hasMessageContaining("2025-03-14T21:07:31");
  }

  @Test
  void garbageIsRefused() {
    assertThatThrownBy(() -> ReportedTime.parse("14/03/2025 9:07 PM"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> ReportedTime.parse("2025-03-14T21:07:31+01:00[Europe/Paris]"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
