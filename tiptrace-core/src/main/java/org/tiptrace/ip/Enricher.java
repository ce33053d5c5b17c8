package org.tiptrace.ip;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Asks every configured source, first answer per field wins, all answers kept. */
final class Enricher {
  private final List<EnrichmentSource> sources;
  private final Set<DataKind> notChecked;

  Enricher(List<EnrichmentSource> sources) {
    this.sources = List.copyOf(sources);
    Set<DataKind> missing = EnumSet.allOf(DataKind.class);
    for (EnrichmentSource s : sources) {
      missing.remove(s.kind());
      if (s.kind() == DataKind.CITY) {
        missing.remove(DataKind.COUNTRY); // a city database answers the country too
      }
    }
    this.notChecked = Set.copyOf(missing);
  }

  Enrichment enrich(String canonicalIp, byte[] address) {
    List<SourceAnswer> answers = new ArrayList<>(sources.size());
    Long asn = null;
    String org = null;
    String country = null;
    String region = null;
    String city = null;
    for (EnrichmentSource s : sources) {
      Optional<SourceAnswer> a = s.lookup(address);
      if (a.isEmpty()) {
        continue;
      }
      SourceAnswer x = a.get();
      answers.add(x);
      if (asn == null && x.field("autonomous_system_number").isPresent()) {
        asn = parseAsn(x.field("autonomous_system_number").get());
      }
      if (org == null) {
        org = x.field("autonomous_system_organization").orElse(null);
      }
      if (country == null) {
        country = x.field("country_code").orElse(null);
      }
      if (region == null) {
        region = x.field("region").orElse(null);
      }
      if (city == null) {
        city = x.field("city").orElse(null);
      }
    }
    return new Enrichment(
        canonicalIp,
        Optional.ofNullable(asn),
        Optional.ofNullable(org),
        Optional.ofNullable(country),
        Optional.ofNullable(region),
        Optional.ofNullable(city),
        answers,
        notChecked);
  }

  private static @Nullable Long parseAsn(String s) {
    String t = s.startsWith("AS") || s.startsWith("as") ? s.substring(2) : s;
    try {
      return Long.parseLong(t.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
