package org.tiptrace.ip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The special-purpose range table ({@code special-purpose-ranges.txt}), read once. */
final class SpecialRanges {
  static final String RESOURCE = "special-purpose-ranges.txt";

  enum Category {
    NON_ROUTABLE,
    SYNTHETIC,
    EMBEDDED_IPV4
  }

  record Entry(Cidr block, Category category, String note) {}

  private final List<Entry> entries;

  private SpecialRanges(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  static SpecialRanges bundled() {
    try (InputStream in =
        Objects.requireNonNull(
            SpecialRanges.class.getResourceAsStream(RESOURCE), "missing resource " + RESOURCE)) {
      return parse(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static SpecialRanges parse(InputStream in, String name) throws IOException {
    List<Entry> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      String[] parts = s.split("\\s+", 3);
      if (parts.length < 2) {
        throw new IllegalArgumentException(name + " line " + n + ": expected block and category");
      }
      try {
        out.add(
            new Entry(
                Cidr.parse(parts[0]),
                Category.valueOf(parts[1].toUpperCase(Locale.ROOT)),
                parts.length > 2 ? parts[2] : ""));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " line " + n + ": " + e.getMessage(), e);
      }
    }
    return new SpecialRanges(out);
  }

  /** The first entry containing the address. */
  Optional<Entry> match(byte[] address) {
    for (Entry e : entries) {
      if (e.block().contains(address)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
