package org.tiptrace.tip;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A natural person's contact block: the ESP {@code person} and {@code contactPerson} types and the
 * LE JSON person fields. {@code contactPerson} has no age or date of birth; they stay absent.
 *
 * @param dateOfBirth as written ({@code xs:date}), kept as text
 * @param ageAssertionDiscrepancy schema drift seen in 2026 clients
 */
public record Person(
    Optional<String> firstName,
    Optional<String> middleName,
    Optional<String> lastName,
    List<Phone> phones,
    List<Email> emails,
    List<Address> addresses,
    OptionalInt age,
    Optional<String> dateOfBirth,
    TriState ageAssertionDiscrepancy) {

  public Person {
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    addresses = List.copyOf(addresses);
  }

  public static Person empty() {
    return new Person(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        OptionalInt.empty(),
        Optional.empty(),
        TriState.UNKNOWN);
  }
}
