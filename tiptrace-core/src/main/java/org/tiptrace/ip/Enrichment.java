package org.tiptrace.ip;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the configured data sets say about one address: network owner (ASN) and a coarse location.
 *
 * <p><b>Geolocation is for jurisdiction only</b>: it picks the agency that should receive a case
 * (reference rule GEO). It never locates a household or a person; GeoLite2's licence forbids that
 * use too.
 *
 * <p>Each field comes from the first configured source that answered it; {@link #answers()} keeps
 * every answer with its database and build. {@link #notChecked()} names the kinds that no
 * configured source answers: an absent ASN with {@code ASN} in that set means "not checked", not
 * "no match".
 */
public record Enrichment(
    String ip,
    Optional<Long> asn,
    Optional<String> asOrganization,
    Optional<String> countryCode,
    Optional<String> region,
    Optional<String> city,
    List<SourceAnswer> answers,
    Set<DataKind> notChecked) {
  public Enrichment {
    answers = List.copyOf(answers);
    notChecked = Set.copyOf(notChecked);
  }

  /**
   * Disagreements between sources on the ASN or the country, e.g. {@code "autonomous_system_number:
   * 64496 (a.mmdb) vs 64499 (b.csv)"}; empty when the sources agree or only one answered.
   */
  public List<String> conflicts() {
    List<String> out = new java.util.ArrayList<>();
    for (String field : List.of("autonomous_system_number", "country_code")) {
      java.util.Map<String, String> seen = new java.util.LinkedHashMap<>();
      for (SourceAnswer a : answers) {
        a.field(field)
            .ifPresent(
                v ->
                    seen.putIfAbsent(
                        v.toUpperCase(java.util.Locale.ROOT), v + " (" + a.source() + ")"));
      }
      if (seen.size() > 1) {
        out.add(field + ": " + String.join(" vs ", seen.values()));
      }
    }
    return out;
  }

  /** True when an ASN source was configured (whether or not it had a range for the address). */
  public boolean asnChecked() {
    return !notChecked.contains(DataKind.ASN);
  }

  /** True when some country source was configured. */
  public boolean locationChecked() {
    return !(notChecked.contains(DataKind.COUNTRY) && notChecked.contains(DataKind.CITY));
  }
}
