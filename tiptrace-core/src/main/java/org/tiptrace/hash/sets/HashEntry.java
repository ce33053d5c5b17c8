package org.tiptrace.hash.sets;

import java.util.Objects;
import java.util.Optional;
import org.tiptrace.tip.TriState;

/**
 * One digest of a set with what the set says about it. A record with several digests (a VICS Media
 * with MD5 and SHA-1) becomes one entry per digest.
 *
 * @param category the set's category, raw (VICS US {@code 1}, UK grades kept as written)
 * @param series a known series name
 * @param victimIdentified absent in the file is {@link TriState#UNKNOWN}, never "no"
 */
public record HashEntry(
    Digest digest, Optional<String> category, Optional<String> series, TriState victimIdentified) {
  public HashEntry {
    Objects.requireNonNull(digest, "digest");
    category = category.map(String::strip).filter(s -> !s.isEmpty());
    series = series.map(String::strip).filter(s -> !s.isEmpty());
    Objects.requireNonNull(victimIdentified, "victimIdentified");
  }

  /** An entry that says nothing but the digest (hashdeep, NSRL). */
  public static HashEntry bare(Digest digest) {
    return new HashEntry(digest, Optional.empty(), Optional.empty(), TriState.UNKNOWN);
  }
}
