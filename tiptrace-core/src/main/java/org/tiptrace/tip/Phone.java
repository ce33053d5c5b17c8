package org.tiptrace.tip;

import java.util.Optional;

/**
 * A phone number as reported.
 *
 * @param number the text as received (no E.164 normalisation here; linking does that)
 * @param countryCallingCode {@code +1} style, when given
 */
public record Phone(
    String number,
    Optional<PhoneType> type,
    TriState verified,
    Optional<ReportedTime> verificationDate,
    Optional<String> countryCallingCode,
    Optional<String> extension) {

  public static Phone of(String number) {
    return new Phone(
        number,
        Optional.empty(),
        TriState.UNKNOWN,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
