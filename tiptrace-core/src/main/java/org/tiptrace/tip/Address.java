package org.tiptrace.tip;

import java.util.List;
import java.util.Optional;

/**
 * A postal address. The XML has one {@code address} (street) line; the LE JSON has {@code street1}
 * and {@code street2}: both become {@link #streetLines()}.
 *
 * @param state a US state code; {@link #nonUsaState()} holds a region elsewhere
 * @param country ISO 3166-1 alpha-2 (or one of the legacy codes the schema allows)
 */
public record Address(
    Optional<AddressType> type,
    List<String> streetLines,
    Optional<String> city,
    Optional<String> zipCode,
    Optional<String> state,
    Optional<String> nonUsaState,
    Optional<String> country) {

  public Address {
    streetLines = List.copyOf(streetLines);
  }
}
