package org.tiptrace.tip;

import java.util.Optional;

/**
 * The {@code lawEnforcement} block: an agency the ESP already dealt with.
 *
 * @param reportedToLe the ESP itself reported to law enforcement
 * @param fleaCountry country of the foreign agency, on {@code servedLegalProcessInternational}
 */
public record LawEnforcement(
    String agencyName,
    Optional<String> caseNumber,
    Optional<Person> officerContact,
    TriState reportedToLe,
    TriState servedLegalProcessDomestic,
    TriState servedLegalProcessInternational,
    Optional<String> fleaCountry) {}
