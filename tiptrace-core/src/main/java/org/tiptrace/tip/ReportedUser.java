package org.tiptrace.tip;

import java.util.List;
import java.util.Optional;

/**
 * A person or account in one of the three user blocks of a report. The blocks share most fields
 * (shared/reference/cybertip-esp-xml.md §3.1); a field a block does not allow stays absent.
 *
 * @param person the {@code …Person} element (required for victims in the XML)
 * @param espIdentifier the ESP's internal user id ({@code espUserId} in the LE JSON)
 * @param priorCTReports earlier CyberTip report ids
 * @param otherFields LE JSON public-report fields and captures of unknown kind, kept verbatim
 */
public record ReportedUser(
    UserRole role,
    Optional<Person> person,
    Optional<String> vehicleDescription,
    Optional<String> espIdentifier,
    Optional<String> espService,
    TriState compromisedAccount,
    Optional<String> screenName,
    List<String> displayNames,
    List<String> profileUrls,
    Optional<String> profileBio,
    List<IpCaptureEvent> ipCaptureEvents,
    List<DeviceId> deviceIds,
    TriState thirdPartyUserReported,
    Optional<String> schoolName,
    List<Long> priorCTReports,
    Optional<String> groupIdentifier,
    Optional<AccountDisabled> accountTemporarilyDisabled,
    Optional<AccountDisabled> accountPermanentlyDisabled,
    Optional<EstimatedLocation> estimatedLocation,
    TriState allEmailsReported,
    List<AssociatedAccount> associatedAccounts,
    List<String> additionalInfo,
    List<NameValue> otherFields) {

  public ReportedUser {
    displayNames = List.copyOf(displayNames);
    profileUrls = List.copyOf(profileUrls);
    ipCaptureEvents = List.copyOf(ipCaptureEvents);
    deviceIds = List.copyOf(deviceIds);
    priorCTReports = List.copyOf(priorCTReports);
    associatedAccounts = List.copyOf(associatedAccounts);
    additionalInfo = List.copyOf(additionalInfo);
    otherFields = List.copyOf(otherFields);
  }
}
