package org.tiptrace.intake.lejson;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names of the LE JSON download layout (shared/reference/cybertip-le-json.md §1), shared by the
 * reader and the writer so that both spell them the same way.
 */
final class LeJsonLayout {
  private LeJsonLayout() {}

  static final String CAPTURE_IP = "IP Address";
  static final String CAPTURE_URL = "URL";
  static final String CAPTURE_PROFILE_URL = "Profile URL";

  /**
   * Person fields of the public (non-ESP) report form, mostly empty for ESP reports. They are kept
   * verbatim in {@code ReportedUser.otherFields} under their key name, in this order when written.
   * {@code approximateAge} joins them when it is text that is not a whole number ("16-17").
   */
  static final List<String> PUBLIC_REPORT_FIELDS =
      List.of(
          "additionalContactInformation",
          "preferredName",
          "gender",
          "preferredPronouns",
          "physicalDescription",
          "vehicleDescription",
          "vehicleTagNumber",
          "occupation",
          "ipAddress",
          "relationshipToReporter",
          "relationshipToChildVictim",
          "accessToChildVictim",
          "accessToChildren",
          "accessToFirearms",
          "convictedSexOffender",
          "awareOfReport",
          "gangAffiliation",
          "languages",
          "races",
          "disabilities",
          "additionalDisabilityInformation");

  static final Set<String> PUBLIC_REPORT_FIELD_SET = Set.copyOf(PUBLIC_REPORT_FIELDS);

  static final String APPROXIMATE_AGE = "approximateAge";

  /** Capture types are compared without regard to case or surrounding blanks. */
  static boolean sameCaptureType(String a, String b) {
    return a.strip().toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }
}
