package org.tiptrace.hash.pdq;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Matches a needles list against a haystack list (one 64-hex hash a line). */
public final class PdqMatcher {

  private PdqMatcher() {}

  /**
   * Reads one hash per line (UTF-8). Blank lines are not allowed, because output refers to line
   * numbers.
   *
   * @throws IOException naming file and 1-based line for a malformed hash
   */
  public static List<PdqHash> readHashes(Path file) throws IOException {
    List<PdqHash> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        try {
          out.add(PdqHash.parseHex(line.strip()));
        } catch (IllegalArgumentException e) {
          throw new IOException(file + ":" + n + ": " + e.getMessage(), e);
        }
      }
    }
    return out;
  }
}
