package org.tiptrace.intake;

import java.time.Instant;
import java.util.Objects;

/**
 * A received document before parsing.
 *
 * @param name where it came from: a path, {@code archive.zip!/entry.json}, or an upload name
 * @param bytes exactly as received; archived byte-for-byte
 */
public record RawDocument(String name, byte[] bytes, Instant receivedAt) {
  public RawDocument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
