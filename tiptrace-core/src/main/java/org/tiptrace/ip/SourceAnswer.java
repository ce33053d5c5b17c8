package org.tiptrace.ip;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One database's answer for one address, kept with every enrichment so an attribution can be
 * reproduced: which file, which database type and build, which network matched, what it said.
 *
 * @param source the file name (or the name the source was given)
 * @param databaseType the MMDB {@code database_type}, or the CSV kind and layout
 * @param build the MMDB {@code build_epoch}, or the snapshot date given for a CSV file
 * @param network the matching block ({@code 203.0.113.0/24}) or range ({@code a-b})
 * @param fields the record's fields, flattened to text
 */
public record SourceAnswer(
    String source,
    String databaseType,
    DataKind kind,
    Instant build,
    String network,
    Map<String, String> fields) {
  public SourceAnswer {
    fields = Map.copyOf(fields);
  }

  Optional<String> field(String name) {
    String v = fields.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }
}
