package org.tiptrace.tip;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Another account the ESP ties to a user ({@code associatedAccount}, with its own field order in
 * the XML and a singular {@code priorCTReport}).
 *
 * @param thirdPartyUser the {@code platform/@thirdPartyUser} attribute
 */
public record AssociatedAccount(
    Optional<AssociatedAccountType> type,
    Optional<String> platform,
    TriState thirdPartyUser,
    Optional<String> firstName,
    Optional<String> middleName,
    Optional<String> lastName,
    OptionalInt approximateAge,
    Optional<String> dateOfBirth,
    List<Phone> phones,
    List<Email> emails,
    TriState allEmailsReported,
    List<Address> addresses,
    Optional<String> espService,
    Optional<String> espIdentifier,
    List<String> profileUrls,
    Optional<String> screenName,
    List<String> displayNames,
    Optional<String> profileBio,
    Optional<String> groupIdentifier,
    TriState compromisedAccount,
    Optional<AccountDisabled> accountTemporarilyDisabled,
    Optional<AccountDisabled> accountPermanentlyDisabled,
    List<IpCaptureEvent> ipCaptureEvents,
    List<DeviceId> deviceIds,
    List<Long> priorCTReports,
    Optional<String> additionalInfo) {

  public AssociatedAccount {
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    addresses = List.copyOf(addresses);
    profileUrls = List.copyOf(profileUrls);
    displayNames = List.copyOf(displayNames);
    ipCaptureEvents = List.copyOf(ipCaptureEvents);
    deviceIds = List.copyOf(deviceIds);
    priorCTReports = List.copyOf(priorCTReports);
  }
}
