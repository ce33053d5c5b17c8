package org.tiptrace.ip;

import java.util.Optional;

/**
 * An offline IP data set: a MaxMind DB file ({@link MmdbDatabase}) or an ip-location-db CSV range
 * file ({@link CsvRangeDatabase}). Implementations are immutable after loading and thread-safe.
 */
public sealed interface EnrichmentSource permits MmdbDatabase, CsvRangeDatabase {

  /** The file or given name. */
  String name();

  /** What the source answers; a kind no source answers is "not checked" in every result. */
  DataKind kind();

  /** The answer for the address bytes (4 or 16), empty when no range holds it. */
  Optional<SourceAnswer> lookup(byte[] address);
}
