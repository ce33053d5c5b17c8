package org.tiptrace.tip;

import java.util.Optional;

/**
 * Who reported: the XML {@code reporter} block or the LE JSON {@code reportingEsp}.
 *
 * @param espName the company name ({@code espName}, LE JSON only)
 * @param companyTemplate the ESP's boilerplate on serving process and retention
 */
public record Reporter(
    Optional<String> espName,
    Optional<Person> reportingPerson,
    Optional<Person> contactPerson,
    Optional<String> companyTemplate,
    Optional<String> termsOfService,
    Optional<String> legalUrl) {}
