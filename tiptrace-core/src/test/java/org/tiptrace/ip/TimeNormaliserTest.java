package org.tiptrace.ip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrace.tip.ReportedTime;

class TimeNormaliserTest {

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    // raw text,                     local,               format,           ambiguous
    "2025-03-14T09:07:31Z,            2025-03-14T09:07:31, UNKNOWN,          false",
    "2025-03-14T09:07:31Z,            2025-03-14T09:07:31, TWELVE_HOUR,      true",
    "2025-03-14T21:07:31Z,            2025-03-14T21:07:31, TWELVE_HOUR,      false",
    "03/14/2025 09:07:31,             2025-03-14T09:07:31, UNKNOWN,          true",
    "03/14/2025 09:07:31,             2025-03-14T09:07:31, TWENTY_FOUR_HOUR, false",
    "03/14/2025 09:07:31 PM,          2025-03-14T21:07:31, UNKNOWN,          false",
    "03/14/2025 9:07:31 a.m.,         2025-03-14T09:07:31, TWELVE_HOUR,      false",
    "03/14/2025 12:30:00,             2025-03-14T12:30:00, UNKNOWN,          true",
    "03/14/2025 00:30:00,             2025-03-14T00:30:00, UNKNOWN,          false",
    "03/14/2025 13:30:00,             2025-03-14T13:30:00, TWELVE_HOUR,      false",
    "Mar 14 2025 07:00:00 GMT,        2025-03-14T07:00:00, UNKNOWN,          true",
  })
  void twelveHourDetection(String raw, String local, ClockFormat format, boolean ambiguous) {
    assertThat(TimeNormaliser.twelveHourAmbiguous(raw, LocalDateTime.parse(local), format))
        .isEqualTo(ambiguous);
  }

  @Test
  void twelveHourCarriesBothReadings() {
    EventTime t =
        TimeNormaliser.normalise(
            Optional.of(
                new ReportedTime(
                    "03/14/2025 09:07:31 +0000",
                    LocalDateTime.parse("2025-03-14T09:07:31"),
                    Optional.of(ZoneOffset.UTC))),
            Optional.empty(),
            ClockFormat.UNKNOWN);
    assertThat(t.flags()).containsExactly(TimeFlag.TWELVE_HOUR_AMBIGUOUS);
    assertThat(t.instant()).isEmpty();
    assertThat(t.candidates())
        .containsExactly(
            Instant.parse("2025-03-14T09:07:31Z"), Instant.parse("2025-03-14T21:07:31Z"));
  }

  @Test
  void noonWithoutMarkerMayBeMidnight() {
    EventTime t =
        TimeNormaliser.normalise(
            Optional.of(
                new ReportedTime(
                    "2025-03-14 12:15:00",
                    LocalDateTime.parse("2025-03-14T12:15:00"),
                    Optional.empty())),
            Optional.of(ZoneId.of("Europe/Berlin")),
            ClockFormat.UNKNOWN);
    assertThat(t.candidates())
        .containsExactly(
            Instant.parse("2025-03-13T23:15:00Z"), Instant.parse("2025-03-14T11:15:00Z"));
  }

  @Test
  void offsetContradictingTheConfiguredZoneIsFlagged() {
    EventTime t =
        TimeNormaliser.normalise(
            Optional.of(ReportedTime.parse("2025-07-14T21:07:31-05:00")),
            Optional.of(ZoneId.of("America/New_York")),
            ClockFormat.UNKNOWN);
    assertThat(t.flags()).containsExactly(TimeFlag.OFFSET_NOT_IN_ZONE);
    assertThat(t.instant()).contains(Instant.parse("2025-07-15T02:07:31Z"));
  }

  @Test
  void southernHemisphereOverlap() {
    // Australia/Sydney leaves daylight time on 2025-04-06 at 03:00 local, back to 02:00.
    EventTime t =
        TimeNormaliser.normalise(
            Optional.of(ReportedTime.parse("2025-04-06T02:30:00")),
            Optional.of(ZoneId.of("Australia/Sydney")),
            ClockFormat.TWENTY_FOUR_HOUR);
    assertThat(t.flags()).contains(TimeFlag.DST_OVERLAP);
    assertThat(t.candidates())
        .containsExactly(
            Instant.parse("2025-04-05T15:30:00Z"), Instant.parse("2025-04-05T16:30:00Z"));
  }
}
