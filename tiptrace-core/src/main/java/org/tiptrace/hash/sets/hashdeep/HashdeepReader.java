package org.tiptrace.hash.sets.hashdeep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tiptrace.hash.sets.Digest;
import org.tiptrace.hash.sets.DigestAlgorithm;
import org.tiptrace.hash.sets.HashEntry;
import org.tiptrace.hash.sets.HashEntrySink;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetFormatException;
import org.tiptrace.hash.sets.HashSetReader;
import org.tiptrace.hash.sets.ProgressInputStream;
import org.tiptrace.hash.sets.ReadProgress;
import org.tiptrace.hash.sets.ReadSummary;
import org.tiptrace.intake.Problem;

/**
 * Reads hashdeep files (reference §3): line 1 {@code %%%% HASHDEEP-1.0}, line 2 the columns ({@code
 * size} first, {@code filename} last, the algorithms chosen with {@code -c} between), then {@code
 * ##} comments and one line per file. File names may contain commas, so the fixed leading columns
 * are split off and the rest of the line is the name. Digests other than MD5, SHA-1 and SHA-256
 * (tiger, whirlpool …) are skipped.
 */
public final class HashdeepReader implements HashSetReader {

  @Override
  public HashSetFormat format() {
    return HashSetFormat.HASHDEEP;
  }

  @Override
  public ReadSummary read(Path file, HashEntrySink sink, ReadProgress progress) throws IOException {
    String name = file.toString();
    List<Problem> warnings = new ArrayList<>();
    long records = 0;
    long entries = 0;
    try (ProgressInputStream in =
            new ProgressInputStream(Files.newInputStream(file), Files.size(file), progress);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String first = r.readLine();
      if (first == null || !stripBom(first).strip().equals("%%%% HASHDEEP-1.0")) {
        throw new HashSetFormatException(
            Problem.error(
                name, 1, 1, "", "not a hashdeep file: line 1 must be '%%%% HASHDEEP-1.0'"));
      }
      String header = r.readLine();
      if (header == null || !header.startsWith("%%%% ")) {
        throw new HashSetFormatException(
            Problem.error(
                name, 2, 1, "", "line 2 must list the columns, as in '%%%% size,md5,filename'"));
      }
      String[] columns = header.substring(5).strip().toLowerCase(Locale.ROOT).split(",", -1);
      if (columns.length < 3
          || !columns[0].strip().equals("size")
          || !columns[columns.length - 1].strip().equals("filename")) {
        throw new HashSetFormatException(
            Problem.error(
                name,
                2,
                6,
                "",
                "the columns must start with 'size' and end with 'filename', were '"
                    + header.substring(5).strip()
                    + "'"));
      }
      List<Optional<DigestAlgorithm>> algorithms = new ArrayList<>();
      for (int i = 1; i < columns.length - 1; i++) {
        algorithms.add(algorithm(columns[i].strip()));
      }
      if (algorithms.stream().allMatch(Optional::isEmpty)) {
        throw new HashSetFormatException(
            Problem.error(name, 2, 6, "", "no md5, sha1 or sha256 column: nothing to import"));
      }
      int fixed = columns.length - 1;
      String line;
      int lineNo = 2;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("##")) {
          continue;
        }
        if (line.startsWith("%%%%")) {
          warnings.add(Problem.warning(name, lineNo, 1, "", "unexpected header line; skipped"));
          continue;
        }
        String[] parts = line.split(",", fixed + 1);
        if (parts.length < fixed + 1) {
          throw new HashSetFormatException(
              Problem.error(
                  name,
                  lineNo,
                  1,
                  "",
                  "expected "
                      + (fixed + 1)
                      + " comma-separated columns ("
                      + String.join(",", columns)
                      + "), found "
                      + parts.length));
        }
        if (!isSize(parts[0])) {
          throw new HashSetFormatException(
              Problem.error(
                  name,
                  lineNo,
                  1,
                  "",
                  "size must be a whole number of bytes, was '" + parts[0] + "'"));
        }
        records++;
        int column = parts[0].length() + 2;
        for (int i = 0; i < algorithms.size(); i++) {
          String value = parts[i + 1];
          Optional<DigestAlgorithm> a = algorithms.get(i);
          if (a.isPresent()) {
            try {
              sink.accept(HashEntry.bare(Digest.parseHex(a.get(), value)));
              entries++;
            } catch (IllegalArgumentException e) {
              throw new HashSetFormatException(
                  Problem.error(name, lineNo, column, columns[i + 1].strip(), e.getMessage()));
            }
          }
          column += value.length() + 1;
        }
      }
      in.finish();
    }
    return new ReadSummary(
        records, entries, Optional.empty(), Optional.of("HASHDEEP-1.0"), warnings);
  }

  private static boolean isSize(String s) {
    if (s.isEmpty() || s.length() > 19) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static Optional<DigestAlgorithm> algorithm(String column) {
    return switch (column) {
      case "md5" -> Optional.of(DigestAlgorithm.MD5);
      case "sha1" -> Optional.of(DigestAlgorithm.SHA1);
      case "sha256" -> Optional.of(DigestAlgorithm.SHA256);
      default -> Optional.empty();
    };
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
