package org.tiptrace.hash.pdq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds {@code shared/testdata/pdq} (benign images only): system property {@code
 * tiptrace.pdq.testdata}, else the first ancestor of the working directory that has {@code
 * shared/testdata/pdq}. Missing data fails the test rather than skipping it.
 */
public final class PdqTestData {

  private PdqTestData() {}

  public static Path root() {
    String prop = System.getProperty("tiptrace.pdq.testdata");
    if (prop != null) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/testdata/pdq");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "PDQ test data not found: no ancestor of "
            + Path.of("").toAbsolutePath()
            + " has shared/testdata/pdq; set -Dtiptrace.pdq.testdata");
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }

  /** Files of a folder with one of the given extensions, sorted by name. */
  static List<Path> list(String folder, String... extensions) {
    try (Stream<Path> s = Files.list(root().resolve(folder))) {
      return s.filter(Files::isRegularFile)
          .filter(
              f -> {
                String n = f.getFileName().toString();
                for (String e : extensions) {
                  if (n.endsWith("." + e)) {
                    return true;
                  }
                }
                return false;
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<PdqHash> hashes(String relative) {
    try {
      return PdqMatcher.readHashes(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
