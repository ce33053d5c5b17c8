package org.tiptrace.hash.sets.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.tiptrace.tip.TriState;

/**
 * Reads CSV hash lists. The first line names the columns, in any order and case: at least one of
 * {@code md5}, {@code sha1}, {@code sha256}, {@code pdq}, and optionally {@code category}, {@code
 * series}, {@code victim_identified} ({@code true}/{@code false}/{@code yes}/{@code no}, empty =
 * unknown). Other columns are ignored. Fields may be quoted with {@code "} (RFC 4180, a doubled
 * quote inside); a quoted field may not span lines. Empty digest cells are skipped; a row with no
 * digest at all is a warning.
 */
public final class CsvHashReader implements HashSetReader {

  @Override
  public HashSetFormat format() {
    return HashSetFormat.CSV;
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
      String headerLine = r.readLine();
      if (headerLine == null) {
        throw new HashSetFormatException(Problem.error(name, 1, 1, "", "empty file: no header"));
      }
      if (headerLine.startsWith("\uFEFF")) {
        headerLine = headerLine.substring(1);
      }
      List<String> header = split(name, 1, headerLine);
      Map<DigestAlgorithm, Integer> digestColumns = new EnumMap<>(DigestAlgorithm.class);
      int category = -1;
      int series = -1;
      int victim = -1;
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i).strip().toLowerCase(Locale.ROOT).replace("-", "_");
        switch (h) {
          case "md5" -> digestColumns.put(DigestAlgorithm.MD5, i);
          case "sha1", "sha_1" -> digestColumns.put(DigestAlgorithm.SHA1, i);
          case "sha256", "sha_256" -> digestColumns.put(DigestAlgorithm.SHA256, i);
          case "pdq" -> digestColumns.put(DigestAlgorithm.PDQ, i);
          case "category" -> category = i;
          case "series" -> series = i;
          case "victim_identified", "victimidentified" -> victim = i;
          default -> {}
        }
      }
      if (digestColumns.isEmpty()) {
        throw new HashSetFormatException(
            Problem.error(
                name,
                1,
                1,
                "",
                "the header names no md5, sha1, sha256 or pdq column: '" + headerLine + "'"));
      }
      String line;
      int lineNo = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<String> cells = split(name, lineNo, line);
        if (cells.size() != header.size()) {
          throw new HashSetFormatException(
              Problem.error(
                  name,
                  lineNo,
                  1,
                  "",
                  "expected "
                      + header.size()
                      + " columns as in the header, found "
                      + cells.size()));
        }
        records++;
        Optional<String> cat = cell(cells, category);
        Optional<String> ser = cell(cells, series);
        TriState vic = victim(name, lineNo, cell(cells, victim), header.get(Math.max(victim, 0)));
        int before = 0;
        for (Map.Entry<DigestAlgorithm, Integer> c : digestColumns.entrySet()) {
          Optional<String> value = cell(cells, c.getValue());
          if (value.isEmpty()) {
            continue;
          }
          try {
            sink.accept(new HashEntry(Digest.parseHex(c.getKey(), value.get()), cat, ser, vic));
            entries++;
            before++;
          } catch (IllegalArgumentException e) {
            throw new HashSetFormatException(
                Problem.error(name, lineNo, 0, header.get(c.getValue()).strip(), e.getMessage()));
          }
        }
        if (before == 0) {
          warnings.add(Problem.warning(name, lineNo, 1, "", "row without a digest; skipped"));
        }
      }
      in.finish();
    }
    return new ReadSummary(records, entries, Optional.empty(), Optional.empty(), warnings);
  }

  private static TriState victim(String file, int line, Optional<String> v, String column)
      throws HashSetFormatException {
    if (v.isEmpty()) {
      return TriState.UNKNOWN;
    }
    return switch (v.get().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> TriState.TRUE;
      case "false", "no", "0" -> TriState.FALSE;
      default ->
          throw new HashSetFormatException(
              Problem.error(
                  file,
                  line,
                  0,
                  column.strip(),
                  "must be true, false, yes, no or empty, was '" + v.get() + "'"));
    };
  }

  private static Optional<String> cell(List<String> cells, int i) {
    return i < 0 ? Optional.empty() : Optional.of(cells.get(i).strip()).filter(s -> !s.isEmpty());
  }

  /** Splits one line; quoted fields may hold commas and doubled quotes. */
  static List<String> split(String file, int line, String s) throws HashSetFormatException {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    boolean fieldStart = true;
    while (i <= s.length()) {
      if (i == s.length()) {
        out.add(cur.toString());
        break;
      }
      char c = s.charAt(i);
      if (fieldStart && c == '"') {
        int start = i + 1;
        i++;
        while (true) {
          if (i >= s.length()) {
            throw new HashSetFormatException(
                Problem.error(file, line, start, "", "quoted field is not closed on this line"));
          }
          char q = s.charAt(i);
          if (q == '"') {
            if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
              cur.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          cur.append(q);
          i++;
        }
        if (i < s.length() && s.charAt(i) != ',') {
          throw new HashSetFormatException(
              Problem.error(file, line, i + 1, "", "text after a closing quote"));
        }
        fieldStart = false;
        continue;
      }
      if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
        fieldStart = true;
      } else {
        cur.append(c);
        fieldStart = false;
      }
      i++;
    }
    return out;
  }
}
