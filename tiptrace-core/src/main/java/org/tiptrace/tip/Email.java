package org.tiptrace.tip;

import java.util.Optional;

/** An email address as reported, with the ESP's verification facts. */
public record Email(
    String address,
    Optional<EmailType> type,
    TriState verified,
    Optional<ReportedTime> verificationDate) {

  public static Email of(String address) {
    return new Email(address, Optional.empty(), TriState.UNKNOWN, Optional.empty());
  }
}
